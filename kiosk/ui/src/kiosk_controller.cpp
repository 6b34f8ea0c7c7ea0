#include "kiosk_controller.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include "russian_text.h"
#include "veche/core/phone.h"

namespace veche::kiosk::ui {
namespace {

// Where «Назад» leads from each screen; screens not listed have no «Назад»
// (an act was recorded, or the flow is over). voteItem and accessibility are
// handled in back().
const QHash<QString, QString>& backTargets() {
    static const QHash<QString, QString> targets{
        {QStringLiteral("noticeCategories"), QStringLiteral("home")},
        {QStringLiteral("noticeList"), QStringLiteral("noticeCategories")},
        {QStringLiteral("notice"), QStringLiteral("noticeList")},
        {QStringLiteral("phoneNumber"), QStringLiteral("home")},
        {QStringLiteral("phoneCode"), QStringLiteral("phoneNumber")},
        {QStringLiteral("assemblies"), QStringLiteral("home")},
        {QStringLiteral("voteItem"), QStringLiteral("assemblies")},
        {QStringLiteral("voteReview"), QStringLiteral("voteItem")},
        {QStringLiteral("poll"), QStringLiteral("home")},
        {QStringLiteral("reportCategory"), QStringLiteral("home")},
        {QStringLiteral("reportText"), QStringLiteral("reportCategory")},
        {QStringLiteral("reportPhone"), QStringLiteral("reportText")},
        {QStringLiteral("accessibility"), QString()},
        {QStringLiteral("staff"), QStringLiteral("home")},
        {QStringLiteral("staffPin"), QStringLiteral("home")},
        {QStringLiteral("staffSms"), QStringLiteral("staff")},
        {QStringLiteral("staffEnrol"), QStringLiteral("staff")},
        {QStringLiteral("staffPaper"), QStringLiteral("staff")},
        {QStringLiteral("staffPaperTime"), QStringLiteral("staffPaper")},
    };
    return targets;
}

const QString kWarningSpeech = QStringLiteral(
    "Вы ещё здесь?\nЕсли вы ещё здесь, нажмите «Продолжить».\nИначе экран скоро вернётся к "
    "началу, а введённые данные будут стёрты.");

}  // namespace

KioskController::KioskController(KioskServices& services,
                                 std::unique_ptr<SpeechEngine> speechEngine, QObject* parent)
    : QObject(parent),
      services_(services),
      theme_(this),
      speech_(std::move(speechEngine), this),
      inactivity_(this),
      notices_(services, this),
      phone_(services, pool_, this),
      registration_(services, this),
      voting_(services, pool_, this),
      polls_(services, this),
      report_(services, pool_, this),
      staff_(services, this),
      staffSms_(services, this),
      staffEnrolment_(pool_, this),
      staffPaper_(pool_, nowMillis, this),
      screen_(QStringLiteral("attract")) {
    connect(&phone_, &PhoneVerification::codeSent, this,
            [this] { go(QStringLiteral("phoneCode")); });
    connect(&phone_, &PhoneVerification::verified, this, &KioskController::onVerified);
    connect(&staff_, &StaffPanel::unlocked, this, [this] { go(QStringLiteral("staff")); });
    connect(&staffPaper_, &StaffPaperEntry::timeAccepted, this, [this] {
        if (screen_ == QLatin1String("staffPaperTime")) {
            go(QStringLiteral("staffPaper"));
        }
    });
    connect(&notices_, &NoticeBoard::categoryOpened, this,
            [this] { go(QStringLiteral("noticeList")); });
    connect(&notices_, &NoticeBoard::noticeOpened, this, [this] { go(QStringLiteral("notice")); });
    connect(&registration_, &RegistrationFlow::consentAnswered, this,
            [this] { go(QStringLiteral("apartment")); });
    connect(&registration_, &RegistrationFlow::finished, this,
            [this] { go(QStringLiteral("registered")); });
    // The review's page size follows the window and the text size; both are
    // set before the review screen is built, never while it is shown.
    voting_.review()->setPageSize(theme_.reviewRowsPerPage());
    connect(&theme_, &Theme::changed, this,
            [this] { voting_.review()->setPageSize(theme_.reviewRowsPerPage()); });
    connect(&voting_, &VotingFlow::itemShown, this, [this] { go(QStringLiteral("voteItem")); });
    connect(&voting_, &VotingFlow::reviewShown, this, [this] { go(QStringLiteral("voteReview")); });
    connect(&voting_, &VotingFlow::accepted, this, [this] { go(QStringLiteral("voteAccepted")); });
    connect(&polls_, &PollFlow::pollShown, this, [this] { go(QStringLiteral("poll")); });
    connect(&polls_, &PollFlow::finished, this, [this] { go(QStringLiteral("pollsDone")); });
    connect(&report_, &ReportFlow::categoryChosen, this,
            [this] { go(QStringLiteral("reportText")); });
    connect(&report_, &ReportFlow::textAccepted, this,
            [this] { go(QStringLiteral("reportPhone")); });
    connect(&report_, &ReportFlow::textRejected, this,
            [this] { go(QStringLiteral("reportText")); });
    connect(&report_, &ReportFlow::submitted, this, [this] { go(QStringLiteral("reportDone")); });
    connect(&inactivity_, &InactivityWatch::warningStarted, this,
            [this] { speech_.say(kWarningSpeech); });
    connect(&inactivity_, &InactivityWatch::warningChanged, this, [this] {
        if (!inactivity_.warning()) {
            speech_.stop();
        }
    });
    connect(&inactivity_, &InactivityWatch::expired, this, &KioskController::endVisit);

    clockTimer_.setInterval(1000);
    connect(&clockTimer_, &QTimer::timeout, this, &KioskController::updateClock);
    clockTimer_.start();
    refreshTimer_.setInterval(2000);
    connect(&refreshTimer_, &QTimer::timeout, this, &KioskController::refreshContent);
    refreshTimer_.start();

    updateClock();
    refreshContent();
}

KioskController::~KioskController() {
    // Background calls use the services and report to the flows.
    pool_.waitForDone();
}

bool KioskController::canGoBack() const {
    if (screen_ == QLatin1String("accessibility")) {
        return true;
    }
    return !backTargets().value(screen_).isEmpty();
}

QString KioskController::purposeTitle() const {
    if (purpose_ == QLatin1String("vote")) {
        return QStringLiteral("Голосование");
    }
    if (purpose_ == QLatin1String("polls")) {
        return QStringLiteral("Опросы");
    }
    return QStringLiteral("Мой телефон");
}

QString KioskController::maskedPhone() const {
    return QString::fromStdString(core::maskPhone(verifiedPhone_.toStdString()));
}

void KioskController::setRefreshIntervalMs(int ms) {
    if (ms <= 0 || ms == refreshTimer_.interval()) {
        return;
    }
    refreshTimer_.setInterval(ms);
    emit refreshIntervalChanged();
}

void KioskController::start() {
    inactivity_.start();
    go(QStringLiteral("home"));
}

void KioskController::setLocked(bool locked) {
    if (locked == locked_) {
        return;
    }
    if (locked) {
        endVisit();
    }
    locked_ = locked;
    emit lockedChanged();
}

void KioskController::wake() {
    if (!locked_ && screen_ == QLatin1String("attract")) {
        start();
    }
}

void KioskController::open(const QString& section) {
    if (section == QLatin1String("notices")) {
        notices_.reset();
        notices_.reload();
        go(QStringLiteral("noticeCategories"));
    } else if (section == QLatin1String("phone")) {
        identify(QStringLiteral("register"));
    } else if (section == QLatin1String("vote")) {
        identify(QStringLiteral("vote"));
    } else if (section == QLatin1String("polls")) {
        identify(QStringLiteral("polls"));
    } else if (section == QLatin1String("report")) {
        report_.reset();
        go(QStringLiteral("reportCategory"));
    }
}

void KioskController::back() {
    if (screen_ == QLatin1String("accessibility")) {
        go(returnScreen_.isEmpty() ? QStringLiteral("home") : returnScreen_);
        return;
    }
    if (screen_ == QLatin1String("voteItem")) {
        if (voting_.changingFromReview()) {
            go(QStringLiteral("voteReview"));
            return;
        }
        if (voting_.previousItem()) {
            return;
        }
    }
    const QString target = backTargets().value(screen_);
    if (!target.isEmpty()) {
        go(target);
    }
}

void KioskController::home() {
    go(QStringLiteral("home"));
}

void KioskController::openAccessibility() {
    if (screen_ != QLatin1String("accessibility")) {
        returnScreen_ = screen_;
    }
    go(QStringLiteral("accessibility"));
}

void KioskController::openStaff() {
    staff_.resetPin();
    go(QStringLiteral("staffPin"));
}

void KioskController::openStaffTool(const QString& tool) {
    if (screen_ != QLatin1String("staff") || !staff_.pinSet()) {
        return;  // only past a PIN that is set
    }
    if (tool == QLatin1String("sms")) {
        staffSms_.reset();
        go(QStringLiteral("staffSms"));
    } else if (tool == QLatin1String("enrol") && staffEnrolment_.available()) {
        staffEnrolment_.reset();
        go(QStringLiteral("staffEnrol"));
    } else if (tool == QLatin1String("paper") && staffPaper_.available()) {
        staffPaper_.reset();
        go(QStringLiteral("staffPaper"));
    }
}

void KioskController::openPaperTime() {
    if (screen_ == QLatin1String("staffPaper")) {
        staffPaper_.startTime();
        go(QStringLiteral("staffPaperTime"));
    }
}

void KioskController::readAloud(const QString& text) {
    speech_.say(text);
}

void KioskController::endVisit() {
    inactivity_.stop();
    speech_.reset();
    theme_.reset();
    notices_.reset();
    phone_.reset();
    registration_.reset();
    voting_.reset();
    polls_.reset();
    report_.reset();
    staffSms_.reset();
    staffEnrolment_.reset();
    staffPaper_.reset();
    returnScreen_.clear();
    if (!purpose_.isEmpty()) {
        purpose_.clear();
        emit purposeChanged();
    }
    if (!verifiedPhone_.isEmpty()) {
        verifiedPhone_.clear();
        emit identityChanged();
    }
    go(QStringLiteral("attract"));
}

void KioskController::refreshContent() {
    const long version = services_.contentVersion();
    if (version != contentVersion_) {
        contentVersion_ = version;
        loadContent();
    }
    if (screen_ == QLatin1String("staff")) {
        staff_.refresh();
    }
}

void KioskController::showForPreview(const QString& screen, const QString& phone) {
    if (phone != verifiedPhone_) {
        verifiedPhone_ = phone;
        emit identityChanged();
    }
    go(screen);
}

void KioskController::go(const QString& screen) {
    if (screen == screen_) {
        return;
    }
    speech_.stop();
    if (screen == QLatin1String("staff")) {
        staff_.refresh();
    }
    screen_ = screen;
    emit screenChanged();
}

void KioskController::identify(const QString& purpose) {
    if (purpose != purpose_) {
        purpose_ = purpose;
        emit purposeChanged();
    }
    if (identified()) {
        continueAsIdentified();
        return;
    }
    phone_.reset();
    go(QStringLiteral("phoneNumber"));
}

void KioskController::onVerified(const QString& phone) {
    verifiedPhone_ = phone;
    emit identityChanged();
    continueAsIdentified();
}

void KioskController::continueAsIdentified() {
    if (purpose_ == QLatin1String("vote")) {
        voting_.begin(verifiedPhone_);
        go(QStringLiteral("assemblies"));
    } else if (purpose_ == QLatin1String("polls")) {
        polls_.begin(verifiedPhone_);
    } else {
        registration_.begin(verifiedPhone_);
        go(QStringLiteral("smsConsent"));
    }
}

void KioskController::updateClock() {
    const QLocale russian(QLocale::Russian);
    const QDateTime now = QDateTime::currentDateTime();
    const QString date = russian.toString(now.date(), QStringLiteral("dddd, d MMMM"));
    const QString time = russian.toString(now.time(), QStringLiteral("HH:mm"));
    if (date == dateText_ && time == timeText_) {
        return;
    }
    dateText_ = date;
    timeText_ = time;
    emit clockChanged();
}

void KioskController::loadContent() {
    address_ = toQString(services_.buildingAddress());
    territory_ = toQString(services_.territoryName());
    emit contentChanged();
    notices_.reload();
    if (screen_ == QLatin1String("assemblies")) {
        voting_.reloadAssemblies();
    }
}

}  // namespace veche::kiosk::ui
