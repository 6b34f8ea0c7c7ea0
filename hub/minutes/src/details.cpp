#include "veche/minutes/record.h"

namespace veche::minutes {
namespace {

void require(const std::string& value, const std::string& field, const std::string& what) {
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw DetailError(field, field + " is required: " + what);
    }
}

}  // namespace

void checkDetails(const ProtocolDetails& d) {
    require(d.chair, "chair", "the chair of the meeting (председатель собрания)");
    require(d.secretary, "secretary", "the secretary of the meeting (секретарь собрания)");
    require(d.storage, "storage", "where the protocol and the decisions are kept (место хранения)");
    for (const std::string& name : d.counters) {
        require(name, "counters", "a member of the counting commission has no name");
    }
    if (d.countedOn.year != 0) {
        try {
            (void)paperwork::formatDate(d.countedOn);
        } catch (const std::invalid_argument&) {
            throw DetailError("counted_on", "counted_on is not a day of the calendar");
        }
    }
}

}  // namespace veche::minutes
