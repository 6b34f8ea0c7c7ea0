#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "veche/kiosk/services.h"

namespace veche::kiosk::ui::test {

// KioskServices with sample content that records every act. The code that
// verifies any phone is kGoodCode. castBallot() can be held (holdBallots)
// until releaseBallots(), so that tests can see the screens while a ballot
// is being stored. Thread-safe like the real services.
class FakeServices : public KioskServices {
public:
    static constexpr const char* kGoodCode = "123456";

    struct Ballot {
        std::string phone;
        std::string assemblyId;
        std::map<std::string, core::Choice> answers;
    };
    struct Report {
        std::string category;
        std::string text;
        std::string phone;
    };

    FakeServices();

    std::string buildingAddress() const override { return "ул. Садовая, д. 12"; }
    std::string territoryName() const override { return "ТОС «Садовый квартал»"; }
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
    // kStaffPin is accepted, "0000" locks, anything else is wrong.
    StaffPin checkStaffPin(const std::string& pin) override;
    static constexpr const char* kStaffPin = "2468";
    // Queued as id 7; its state is what setTestSmsState() set last.
    TestSms sendTestSms(const std::string& phone) override;
    TestSmsState testSmsState(std::int64_t id) const override;

    // Test controls and records (all under the mutex).
    void setConsultative(bool consultative);
    void setCodeOutcome(CodeRequest::Outcome outcome);
    // The options of the one open poll (by default «Да», «Нет», «Всё равно»).
    void setPollOptions(std::vector<std::string> options);
    void holdBallots();
    void releaseBallots();
    bool ballotInProgress() const;
    void bumpContent();
    void setTestSmsState(TestSmsState state);

    std::vector<std::string> registrations() const;
    std::vector<std::pair<std::string, bool>> consents() const;
    std::vector<std::pair<std::string, std::string>> links() const;
    std::vector<Ballot> ballots() const;
    std::vector<std::pair<std::string, int>> pollAnswers() const;
    std::vector<Report> reports() const;
    int codeRequests() const;
    std::vector<std::string> testSmsPhones() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable released_;
    bool holdBallots_ = false;
    bool ballotInProgress_ = false;
    bool consultative_ = false;
    std::vector<std::string> testSmsPhones_;
    TestSmsState testSmsState_{"В очереди модема…", false};
    CodeRequest::Outcome codeOutcome_ = CodeRequest::Outcome::Sent;
    long contentVersion_ = 1;
    int codeRequests_ = 0;
    std::vector<std::string> registrations_;
    std::vector<std::pair<std::string, bool>> consents_;
    std::vector<std::pair<std::string, std::string>> links_;
    std::vector<Ballot> ballots_;
    std::vector<std::string> pollOptions_{"Да", "Нет", "Всё равно"};
    std::vector<std::pair<std::string, int>> pollAnswers_;
    std::vector<Report> reports_;
};

}  // namespace veche::kiosk::ui::test
