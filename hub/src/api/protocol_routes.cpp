// POST /api/v1/assemblies/{id}/protocol: the protocol export as a zip
// (docs/protocol.md).
#include <Poco/DateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/Zip/Compress.h>

#include <memory>
#include <mutex>
#include <sstream>

#include "json_io.h"
#include "roles.h"
#include "veche/hub/http/api_error.h"
#include "veche/hub/http/router.h"
#include "veche/hub/services/notice.h"
#include "veche/hub/services/protocol_export.h"
#include "veche/minutes/protocol.h"
#include "veche/paperwork/document.h"

namespace veche::hub {
namespace {

std::vector<std::string> stringList(const Poco::JSON::Object& body, const std::string& field) {
    std::vector<std::string> list;
    if (!body.has(field)) {
        return list;
    }
    const Poco::JSON::Array::Ptr array = body.getArray(field);
    if (!array) {
        throw ApiError::invalid(field, field + " must be an array of names");
    }
    for (unsigned i = 0; i < array->size(); ++i) {
        if (!array->get(i).isString()) {
            throw ApiError::invalid(field, field + " must be an array of names");
        }
        list.push_back(array->getElement<std::string>(i));
    }
    return list;
}

std::map<std::string, std::string> textsByItem(const Poco::JSON::Object& body,
                                               const std::string& field) {
    std::map<std::string, std::string> texts;
    if (!body.has(field)) {
        return texts;
    }
    const Poco::JSON::Object::Ptr object = body.getObject(field);
    if (!object) {
        throw ApiError::invalid(field, field + " must be an object of agenda item id to text");
    }
    for (const std::string& item : object->getNames()) {
        texts[item] = api::optionalString(*object, item);
    }
    return texts;
}

minutes::ProtocolDetails detailsFrom(const std::string& text) {
    const auto body = api::parseObject(text.empty() ? "{}" : text);
    minutes::ProtocolDetails d;
    d.number = api::optionalString(*body, "number");
    if (const std::string day = api::optionalString(*body, "counted_on"); !day.empty()) {
        const auto parsed = parseDay(day);
        if (!parsed) {
            throw ApiError::invalid("counted_on", "counted_on must be a day: YYYY-MM-DD");
        }
        d.countedOn = *parsed;
    }
    d.place = api::optionalString(*body, "place");
    d.chair = api::optionalString(*body, "chair");
    d.secretary = api::optionalString(*body, "secretary");
    d.counters = stringList(*body, "counters");
    d.initiatorDetails = api::optionalString(*body, "initiator_details");
    d.invited = api::optionalString(*body, "invited");
    d.storage = api::optionalString(*body, "storage");
    d.heard = textsByItem(*body, "heard");
    d.proposed = textsByItem(*body, "proposed");
    return d;
}

std::string zipOf(const std::vector<minutes::ExportFile>& files) {
    std::ostringstream zip;
    Poco::Zip::Compress compress(zip, true);
    for (const minutes::ExportFile& f : files) {
        std::istringstream in(f.bytes);
        compress.addFile(in, Poco::DateTime(), Poco::Path(f.path, Poco::Path::PATH_UNIX),
                         Poco::Zip::ZipCommon::CM_DEFLATE);
    }
    compress.close();
    return zip.str();
}

}  // namespace

void addProtocolRoutes(Router& router, Hub& hub) {
    // The notice to print and post in the building before the meeting.
    router.add("GET", "/api/v1/assemblies/{id}/notice.pdf", api::roles::kReaders,
               [&hub](const Request& req) {
                   const Assembly a = hub.assembly(req.params.at("id"));
                   Response r;
                   r.contentType = "application/pdf";
                   r.headers["Content-Disposition"] =
                       "attachment; filename=\"notice-" + a.id + ".pdf\"";
                   r.body = paperwork::pdfOf(minutes::noticeDocument(
                       noticeText(a, hub.territories(), hub.settings().utcOffsetMinutes)));
                   return r;
               });
    // One export at a time: each lays out whole documents, and the requests
    // are rare; the others wait rather than share the CPU and memory.
    auto exporting = std::make_shared<std::mutex>();
    router.add("POST", "/api/v1/assemblies/{id}/protocol", api::roles::kOperator,
               [&hub, exporting](const Request& req) {
                   const std::string& id = req.params.at("id");
                   const minutes::ProtocolDetails details = detailsFrom(req.body);
                   std::lock_guard lock(*exporting);
                   Response r;
                   r.contentType = "application/zip";
                   r.headers["Content-Disposition"] =
                       "attachment; filename=\"protocol-" + id + ".zip\"";
                   r.body = zipOf(exportProtocol(hub, id, details));
                   return r;
               });
}

}  // namespace veche::hub
