#pragma once

#include <set>

#include "veche/hub/model.h"

// Who may call what in the operator API.
namespace veche::hub::api::roles {

inline const std::set<Role> kPublic{};
inline const std::set<Role> kOperator{Role::Operator};
inline const std::set<Role> kReaders{Role::Operator, Role::Staff, Role::Auditor};
inline const std::set<Role> kAuditors{Role::Operator, Role::Auditor};
inline const std::set<Role> kStaffWork{Role::Operator, Role::Staff};
inline const std::set<Role> kKiosk{Role::Kiosk};
inline const std::set<Role> kNoticeAuthors{Role::Operator, Role::Service};
inline const std::set<Role> kNoticeReaders{Role::Operator, Role::Staff, Role::Auditor,
                                           Role::Service};

}  // namespace veche::hub::api::roles
