#pragma once
// The USSD menus as data: which screens exist, what they are called, and where
// each fixed choice leads. The engine (engine.h) gives each kind of screen its
// behaviour; lists (notices, assemblies, polls) come from the hub.

#include <string_view>
#include <vector>

namespace veche::ussd {

enum class Kind {
    Menu,           // fixed options, each leading to a node
    Notices,        // the caller's notices → Notice
    Notice,         // one notice, paged
    Assemblies,     // the assemblies the caller may vote in → Question
    Question,       // one agenda item: За / Против / Воздержался
    Summary,        // the choices made: Подтвердить / Отмена
    Polls,          // open polls → Poll
    Poll,           // one poll's options; a choice ends the session
    ReportPhrases,  // fixed phrases of a report topic, and «Свой текст»
    ReportText,     // a report in the caller's own words
    Consent,        // the SMS consent text: Согласен / Не согласен
    SmsOff,         // withdraws SMS consent; ends the session
    Building,       // which building the number is linked to
    Info,           // a fixed text
};

// Who sees a menu option.
enum class Audience {
    Everyone,
    Known,    // the number is linked to a flat
    Unknown,  // it is not
    SmsOff,   // no SMS consent in force
    SmsOn,    // SMS consent in force
};

struct Option {
    std::string_view label;
    std::string_view node;  // where it leads
    Audience audience = Audience::Everyone;
    std::string_view value = {};  // what a ReportPhrases option reports, or a topic's category
};

struct Node {
    std::string_view id;
    Kind kind;
    std::string_view title;
    std::vector<Option> options = {};  // Menu and ReportPhrases
    std::string_view text = {};        // Info and Consent
};

// The whole menu; the first node is the main menu.
const std::vector<Node>& menu();
// A node by id; throws std::out_of_range for an unknown id.
const Node& node(std::string_view id);

// The version of the consent text shown by the Consent node.
constexpr std::string_view kConsentVersion = "ussd-sms-2026-11";

}  // namespace veche::ussd
