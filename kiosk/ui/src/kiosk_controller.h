#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <memory>

#include "inactivity_watch.h"
#include "notice_board.h"
#include "phone_verification.h"
#include "poll_flow.h"
#include "registration_flow.h"
#include "report_flow.h"
#include "speech.h"
#include "staff_enrolment.h"
#include "staff_panel.h"
#include "staff_paper_entry.h"
#include "staff_sms_test.h"
#include "theme.h"
#include "veche/kiosk/services.h"
#include "voting_flow.h"

namespace veche::kiosk::ui {

// The root of the kiosk's screens and the resident's visit. It owns every
// controller, decides which screen is shown (`screen`, a name QML maps to a
// file) and ends the visit: endVisit(), also after inactivity, forgets the
// resident (typed inputs, verified phone, answers, models) and restores text
// size, contrast and volume. QML receives it as the required property
// `kiosk` of KioskView; there is no global instance.
//
// Screens: attract, home, noticeCategories, noticeList, notice, phoneNumber,
// phoneCode, smsConsent, apartment, registered, assemblies, voteItem,
// voteReview, voteAccepted, poll, pollsDone, reportCategory, reportText,
// reportPhone, reportDone, accessibility, staffPin, staff, staffSms, staffEnrol,
// staffPaper, staffPaperTime.
class KioskController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("KioskController is created in C++ and passed to KioskView")

    Q_PROPERTY(QString screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY screenChanged)
    Q_PROPERTY(QString purpose READ purpose NOTIFY purposeChanged)
    Q_PROPERTY(QString purposeTitle READ purposeTitle NOTIFY purposeChanged)
    Q_PROPERTY(bool identified READ identified NOTIFY identityChanged)
    Q_PROPERTY(QString maskedPhone READ maskedPhone NOTIFY identityChanged)
    Q_PROPERTY(QString buildingAddress READ buildingAddress NOTIFY contentChanged)
    Q_PROPERTY(QString territoryName READ territoryName NOTIFY contentChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY clockChanged)
    Q_PROPERTY(QString timeText READ timeText NOTIFY clockChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)
    Q_PROPERTY(int refreshIntervalMs READ refreshIntervalMs WRITE setRefreshIntervalMs NOTIFY
                   refreshIntervalChanged)

    Q_PROPERTY(veche::kiosk::ui::Theme* theme READ theme CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::Speech* speech READ speech CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::InactivityWatch* inactivity READ inactivity CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::NoticeBoard* notices READ notices CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::PhoneVerification* phone READ phone CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::RegistrationFlow* registration READ registration CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::VotingFlow* voting READ voting CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::PollFlow* polls READ polls CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::ReportFlow* report READ report CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::StaffPanel* staff READ staff CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::StaffSmsTest* staffSms READ staffSms CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::StaffEnrolment* staffEnrolment READ staffEnrolment CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::StaffPaperEntry* staffPaper READ staffPaper CONSTANT)

public:
    // `services` must outlive the controller; the controller waits for its
    // background calls before it is destroyed. `speechEngine` may be null
    // (no speech).
    KioskController(KioskServices& services, std::unique_ptr<SpeechEngine> speechEngine,
                    QObject* parent = nullptr);
    ~KioskController() override;

    QString screen() const { return screen_; }
    bool canGoBack() const;
    // register, vote or polls: why the phone is being verified.
    QString purpose() const { return purpose_; }
    QString purposeTitle() const;
    bool identified() const { return !verifiedPhone_.isEmpty(); }
    // "+7 912 ***-**-89"; empty before verification.
    QString maskedPhone() const;
    // The verified phone ("+79…"); empty before verification. Not for QML.
    QString verifiedPhone() const { return verifiedPhone_; }
    QString buildingAddress() const { return address_; }
    QString territoryName() const { return territory_; }
    QString dateText() const { return dateText_; }
    QString timeText() const { return timeText_; }
    // «Терминал временно недоступен»: the cabinet is open. Nothing else shows.
    bool locked() const { return locked_; }
    int refreshIntervalMs() const { return refreshTimer_.interval(); }
    void setRefreshIntervalMs(int ms);

    Theme* theme() { return &theme_; }
    Speech* speech() { return &speech_; }
    InactivityWatch* inactivity() { return &inactivity_; }
    NoticeBoard* notices() { return &notices_; }
    PhoneVerification* phone() { return &phone_; }
    RegistrationFlow* registration() { return &registration_; }
    VotingFlow* voting() { return &voting_; }
    PollFlow* polls() { return &polls_; }
    ReportFlow* report() { return &report_; }
    StaffPanel* staff() { return &staff_; }
    StaffSmsTest* staffSms() { return &staffSms_; }
    StaffEnrolment* staffEnrolment() { return &staffEnrolment_; }
    StaffPaperEntry* staffPaper() { return &staffPaper_; }

    // From the attract screen: a visit begins (home, inactivity watched).
    Q_INVOKABLE void start();
    // A home button: notices, phone, vote, polls or report.
    Q_INVOKABLE void open(const QString& section);
    Q_INVOKABLE void back();
    Q_INVOKABLE void home();
    // «Для слабовидящих»: text size, contrast, volume; back() returns.
    Q_INVOKABLE void openAccessibility();
    // The hidden staff screens (a long press on the clock): the PIN, then
    // the kiosk's state.
    Q_INVOKABLE void openStaff();
    // From the staff screen only, and only when a staff PIN is set: "sms"
    // (a test SMS), "enrol" (enrol this kiosk again) or "paper" (paper
    // ballot entry), each starting afresh.
    Q_INVOKABLE void openStaffTool(const QString& tool);
    // From the paper ballot screen: type the time the papers were received.
    Q_INVOKABLE void openPaperTime();
    // Reads `text` aloud (the screen's own summary; never a typed code).
    Q_INVOKABLE void readAloud(const QString& text);
    // «Завершить», or inactivity: forgets the resident, returns to attract.
    Q_INVOKABLE void endVisit();

    // The cabinet was opened (true) or closed again. Locking ends the visit
    // first: the resident's inputs are forgotten.
    void setLocked(bool locked);
    // Someone stands in front of the screen: the attract screen gives way to
    // the home screen. Ignored while locked or during a visit.
    void wake();

    // Re-reads synced content when contentVersion() changed.
    void refreshContent();

    // For the screenshot tour only: shows `screen` with `phone` taken as
    // verified, without asking or writing the services.
    void showForPreview(const QString& screen, const QString& phone = {});

signals:
    void screenChanged();
    void purposeChanged();
    void identityChanged();
    void contentChanged();
    void clockChanged();
    void refreshIntervalChanged();
    void lockedChanged();

private:
    void go(const QString& screen);
    void identify(const QString& purpose);
    void onVerified(const QString& phone);
    void continueAsIdentified();
    void updateClock();
    void loadContent();

    KioskServices& services_;
    QThreadPool pool_;
    Theme theme_;
    Speech speech_;
    InactivityWatch inactivity_;
    NoticeBoard notices_;
    PhoneVerification phone_;
    RegistrationFlow registration_;
    VotingFlow voting_;
    PollFlow polls_;
    ReportFlow report_;
    StaffPanel staff_;
    StaffSmsTest staffSms_;
    StaffEnrolment staffEnrolment_;
    StaffPaperEntry staffPaper_;

    QString screen_;
    QString returnScreen_;  // where accessibility returns to
    QString purpose_;
    QString verifiedPhone_;
    QString address_;
    QString territory_;
    QString dateText_;
    QString timeText_;
    long contentVersion_ = -1;
    bool locked_ = false;
    QTimer clockTimer_;
    QTimer refreshTimer_;
};

}  // namespace veche::kiosk::ui
