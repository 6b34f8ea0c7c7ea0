#include "veche/provisioning/enrolment_link.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace veche::provisioning {

std::string textOf(const EnrolmentLink& link) {
    Poco::URI uri("veche://enrol");
    uri.addQueryParameter("hub", link.hubUrl);
    uri.addQueryParameter("code", link.code);
    return uri.toString();
}

std::optional<EnrolmentLink> parseEnrolmentLink(const std::string& text) {
    try {
        const Poco::URI uri(text);
        if (uri.getScheme() != "veche" || uri.getHost() != "enrol") {
            return std::nullopt;
        }
        EnrolmentLink link;
        for (const auto& [name, value] : uri.getQueryParameters()) {
            if (name == "hub") {
                link.hubUrl = value;
            } else if (name == "code") {
                link.code = value;
            }
        }
        if (link.hubUrl.empty() || link.code.empty()) {
            return std::nullopt;
        }
        return link;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace veche::provisioning
