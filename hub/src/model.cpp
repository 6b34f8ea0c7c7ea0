#include "veche/hub/model.h"

#include "veche/core/enum_names.h"

namespace veche::hub {
namespace {

constexpr core::EnumNames<Role, 5> kRoles{{{{Role::Operator, "operator"},
                                            {Role::Staff, "staff"},
                                            {Role::Auditor, "auditor"},
                                            {Role::Service, "service"},
                                            {Role::Kiosk, "kiosk"}}}};
constexpr core::EnumNames<Form, 3> kForms{
    {{{Form::InPerson, "in_person"}, {Form::Absentee, "absentee"}, {Form::Mixed, "mixed"}}}};
constexpr core::EnumNames<AssemblyStatus, 3> kStatuses{{{{AssemblyStatus::Scheduled, "scheduled"},
                                                         {AssemblyStatus::Open, "open"},
                                                         {AssemblyStatus::Closed, "closed"}}}};
constexpr core::EnumNames<Channel, 4> kChannels{{{{Channel::Paper, "paper"},
                                                  {Channel::Kiosk, "kiosk"},
                                                  {Channel::Ussd, "ussd"},
                                                  {Channel::Sms, "sms"}}}};

constexpr core::EnumNames<NoticeCategory, 6> kCategories{{{
    {NoticeCategory::Housing, "housing"},
    {NoticeCategory::PublicOrder, "public_order"},
    {NoticeCategory::Health, "health"},
    {NoticeCategory::YouthSportCulture, "youth_sport_culture"},
    {NoticeCategory::Board, "board"},
    {NoticeCategory::Emergency, "emergency"},
}}};

constexpr core::EnumNames<NoticeCategory, 6> kCategoryTitles{{{
    {NoticeCategory::Housing, "ЖКХ и санитария"},
    {NoticeCategory::PublicOrder, "Правопорядок"},
    {NoticeCategory::Health, "Здравоохранение"},
    {NoticeCategory::YouthSportCulture, "Молодёжь, спорт и культура"},
    {NoticeCategory::Board, "Доска объявлений"},
    {NoticeCategory::Emergency, "Экстренное"},
}}};

}  // namespace

std::optional<NoticeCategory> parseCategory(std::string_view text) {
    return kCategories.parse(text);
}
std::string_view nameOf(NoticeCategory category) {
    return kCategories.name(category);
}
std::string_view titleOf(NoticeCategory category) {
    return kCategoryTitles.name(category);
}

std::optional<Role> parseRole(std::string_view text) {
    return kRoles.parse(text);
}
std::string_view nameOf(Role role) {
    return kRoles.name(role);
}
std::optional<Form> parseForm(std::string_view text) {
    return kForms.parse(text);
}
std::string_view nameOf(Form form) {
    return kForms.name(form);
}
std::optional<AssemblyStatus> parseStatus(std::string_view text) {
    return kStatuses.parse(text);
}
std::string_view nameOf(AssemblyStatus status) {
    return kStatuses.name(status);
}
std::optional<Channel> parseChannel(std::string_view text) {
    return kChannels.parse(text);
}
std::string_view nameOf(Channel channel) {
    return kChannels.name(channel);
}

}  // namespace veche::hub
