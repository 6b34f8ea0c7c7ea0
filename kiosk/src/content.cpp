#include "content.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "veche/core/agenda.h"

namespace veche::kiosk {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr arrayOf(const std::string& json) {
    const Array::Ptr list = Poco::JSON::Parser().parse(json).extract<Array::Ptr>();
    if (!list) {
        throw Poco::DataFormatException("not a JSON array");
    }
    return list;
}

Object::Ptr objectAt(const Array& list, unsigned i) {
    const Object::Ptr o = list.getObject(i);
    if (!o) {
        throw Poco::DataFormatException("an entry that is not an object");
    }
    return o;
}

bool isOpen(const Object& o, Millis at) {
    return o.optValue<std::string>("status", "") != "closed" &&
           o.getValue<Millis>("opens_at") <= at && at < o.getValue<Millis>("closes_at");
}

Assembly assemblyOf(const Object& o) {
    Assembly a;
    a.id = o.getValue<std::string>("id");
    a.title = o.getValue<std::string>("title");
    a.rules = o.getValue<std::string>("rules");
    const auto rules = core::parseRuleSet(a.rules);
    // A kiosk ballot binds only where the law lets electronic votes bind.
    a.consultative =
        !rules || core::isConsultative(*rules) || !o.optValue<bool>("electronic_binding", false);
    a.opensAt = o.getValue<Millis>("opens_at");
    a.closesAt = o.getValue<Millis>("closes_at");
    const Array::Ptr agenda = o.getArray("agenda");
    if (!agenda || agenda->size() == 0) {
        throw Poco::DataFormatException("an assembly without an agenda");
    }
    for (unsigned k = 0; k < agenda->size(); ++k) {
        const Object::Ptr item = objectAt(*agenda, k);
        a.agenda.push_back(
            {item->getValue<std::string>("id"), item->getValue<std::string>("title")});
    }
    return a;
}

Poll pollOf(const Object& o) {
    Poll p;
    p.id = o.getValue<std::string>("id");
    p.question = o.getValue<std::string>("question");
    p.closesAt = o.getValue<Millis>("closes_at");
    const Array::Ptr options = o.getArray("options");
    if (!options || options->size() < 2) {
        throw Poco::DataFormatException("a poll with fewer than two options");
    }
    for (unsigned k = 0; k < options->size(); ++k) {
        p.options.push_back(options->getElement<std::string>(k));
    }
    return p;
}

template <typename T, typename Read>
std::vector<T> entriesIn(const std::string& json, std::optional<Millis> openAt, Read read) {
    std::vector<T> out;
    const Array::Ptr list = arrayOf(json);
    for (unsigned i = 0; i < list->size(); ++i) {
        const Object::Ptr o = objectAt(*list, i);
        T entry = read(*o);  // every entry is read, so a bad one fails the whole list
        if (!openAt || isOpen(*o, *openAt)) {
            out.push_back(std::move(entry));
        }
    }
    return out;
}

}  // namespace

std::vector<Assembly> assembliesIn(const std::string& json, std::optional<Millis> openAt) {
    return entriesIn<Assembly>(json, openAt, assemblyOf);
}

std::vector<Poll> pollsIn(const std::string& json, std::optional<Millis> openAt) {
    return entriesIn<Poll>(json, openAt, pollOf);
}

}  // namespace veche::kiosk
