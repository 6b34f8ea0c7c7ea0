#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "veche/kiosk/codes.h"
#include "veche/kiosk/services.h"
#include "veche/kiosk/sms_outbox.h"
#include "veche/kiosk/store.h"
#include "veche/kiosk/sync.h"
#include "veche/kiosk/test_sms.h"

namespace veche::kiosk {

// The version of the SMS consent text the kiosk shows; recorded with each
// answer so that the hub knows what the resident agreed to.
inline constexpr const char* kSmsConsentVersion = "kiosk-sms-2026-11";

// KioskServices on the kiosk's own store: everything a resident does is an
// event in the store's outbox (durable before the call returns) that the
// sync client carries to the hub; reads come from what the last pulls
// stored, so the kiosk serves residents for days without the hub.
class KioskBackend : public KioskServices {
public:
    // `kioskId` prefixes every event id (the hub insists); `modemUp` says
    // whether the kiosk's modem is connected; `pokeModem` wakes it after a
    // test SMS was queued.
    KioskBackend(
        KioskStore& store, KioskCodes& codes, SyncClient& sync, KioskSmsOutbox& outbox,
        std::string kioskId, Environment env, std::function<bool()> modemUp,
        std::function<void()> pokeModem = [] {});

    std::string buildingAddress() const override;
    std::string territoryName() const override;
    std::vector<Notice> notices(Millis now) const override;
    CodeRequest requestCode(const std::string& phone) override;
    CodeCheck checkCode(const std::string& phone, const std::string& code) override;
    std::string smsConsentText() const override;
    void recordRegistration(const std::string& phone) override;
    void recordSmsConsent(const std::string& phone, bool given) override;
    void requestLink(const std::string& phone, const std::string& premises) override;
    std::vector<Assembly> assembliesFor(const std::string& phone, Millis now) const override;
    Receipt castBallot(const std::string& phone, const std::string& assemblyId,
                       const std::map<std::string, core::Choice>& answers, Millis now) override;
    std::vector<Poll> openPolls(const std::string& phone, Millis now) const override;
    void answerPoll(const std::string& phone, const std::string& pollId, int option,
                    Millis now) override;
    std::string reportProblem(const std::string& category, const std::string& text,
                              const std::string& phone, Millis now) override;
    long contentVersion() const override;
    SyncState syncState() const override;
    StaffPin checkStaffPin(const std::string& pin) override;
    TestSms sendTestSms(const std::string& phone) override;
    TestSmsState testSmsState(std::int64_t id) const override;

    static constexpr int kStaffPinTries = 5;
    static constexpr Millis kStaffPinLockout = 5 * 60'000;

private:
    // Appends an event (and its marks), then wakes the sync client.
    std::string record(const std::string& type, const std::string& data, Millis at,
                       const std::vector<std::pair<std::string, std::string>>& marks = {});
    std::optional<std::string> voterOf(const std::string& phone) const;
    std::vector<Assembly> assembliesOf(const std::string& voter, Millis at) const;
    // Who answered a poll, as a slow salted hash (the phone is not kept).
    std::string answererKey(const std::string& phone) const;
    bool revoked() const;          // the hub refused this kiosk as unknown (sync.h)
    void refuseIfRevoked() const;  // invalid_argument once the hub revoked this kiosk

    KioskStore& store_;
    KioskCodes& codes_;
    SyncClient& sync_;
    KioskSmsOutbox& outbox_;
    std::string kioskId_;
    Environment env_;
    std::function<bool()> modemUp_;
    std::string markSalt_;
    TestSmsSender testSms_;
    std::mutex staffPinMutex_;
    int wrongStaffPins_ = 0;
    Millis staffPinLockedUntil_ = 0;
};

}  // namespace veche::kiosk
