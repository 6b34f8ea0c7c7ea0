#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QMutex>
#include <QMutexLocker>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "fake_services.h"
#include "inactivity_watch.h"
#include "kiosk_controller.h"
#include "qr_image_provider.h"
#include "recording_speech_engine.h"
#include "staff_paper_entry.h"
#include "veche/kiosk/ui/kiosk_ui.h"

namespace veche::kiosk::ui {
namespace {

using test::FakeServices;
using test::RecordingSpeechEngine;

struct ControllerFixture : ::testing::Test {
    ControllerFixture() : kiosk(services, std::make_unique<RecordingSpeechEngine>()) {}

    void verify(const char* digits = "9123456789") {
        for (const char* d = digits; *d != '\0'; ++d) {
            kiosk.phone()->typePhoneDigit(*d - '0');
        }
        kiosk.phone()->submitPhone();
        ASSERT_TRUE(QSignalSpy(kiosk.phone(), &PhoneVerification::codeSent).wait(5000));
        for (const char* d = FakeServices::kGoodCode; *d != '\0'; ++d) {
            kiosk.phone()->typeCodeDigit(*d - '0');
        }
        QSignalSpy verified(kiosk.phone(), &PhoneVerification::verified);
        kiosk.phone()->submitCode();
        ASSERT_TRUE(verified.wait(5000));
    }

    FakeServices services;
    KioskController kiosk;
};

TEST_F(ControllerFixture, StartsOnTheAttractScreenWithContentLoaded) {
    EXPECT_EQ(kiosk.screen(), QStringLiteral("attract"));
    EXPECT_EQ(kiosk.buildingAddress(), QStringLiteral("ул. Садовая, д. 12"));
    kiosk.start();
    EXPECT_EQ(kiosk.screen(), QStringLiteral("home"));
    EXPECT_TRUE(kiosk.inactivity()->watching());
}

TEST_F(ControllerFixture, PresenceStartsAVisitOnlyFromTheAttractScreen) {
    kiosk.wake();
    EXPECT_EQ(kiosk.screen(), QStringLiteral("home"));
    kiosk.open(QStringLiteral("notices"));
    kiosk.wake();  // someone else walks by during a visit
    EXPECT_EQ(kiosk.screen(), QStringLiteral("noticeCategories"));
}

TEST_F(ControllerFixture, AnOpenedCabinetEndsTheVisitAndKeepsTheScreensShut) {
    ASSERT_NO_FATAL_FAILURE(verify());
    ASSERT_TRUE(kiosk.identified());
    QSignalSpy locked(&kiosk, &KioskController::lockedChanged);
    kiosk.setLocked(true);
    EXPECT_TRUE(kiosk.locked());
    EXPECT_EQ(locked.count(), 1);
    EXPECT_FALSE(kiosk.identified());  // the resident's phone is forgotten
    EXPECT_EQ(kiosk.screen(), QStringLiteral("attract"));
    kiosk.wake();
    EXPECT_EQ(kiosk.screen(), QStringLiteral("attract"));
    kiosk.setLocked(true);
    EXPECT_EQ(locked.count(), 1);
    kiosk.setLocked(false);
    EXPECT_FALSE(kiosk.locked());
    kiosk.wake();
    EXPECT_EQ(kiosk.screen(), QStringLiteral("home"));
}

TEST_F(ControllerFixture, NoticeCategoriesPutEmergencyFirstAndKeepSixOrFewer) {
    kiosk.start();
    kiosk.open(QStringLiteral("notices"));
    const auto& choices = kiosk.notices()->categories()->choices();
    ASSERT_EQ(choices.size(), 6U);
    EXPECT_EQ(choices.front().key, QStringLiteral("emergency"));
    EXPECT_TRUE(choices.front().emphasis);
}

TEST_F(ControllerFixture, CodeSentByTheHubLooksTheSameToTheResident) {
    services.setCodeOutcome(CodeRequest::Outcome::SentByHub);
    kiosk.start();
    kiosk.open(QStringLiteral("phone"));
    for (int d : {9, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
        kiosk.phone()->typePhoneDigit(d);
    }
    kiosk.phone()->submitPhone();
    ASSERT_TRUE(QSignalSpy(kiosk.phone(), &PhoneVerification::codeSent).wait(5000));
    EXPECT_EQ(kiosk.screen(), QStringLiteral("phoneCode"));
    EXPECT_TRUE(kiosk.phone()->sentText().startsWith(QStringLiteral("Код отправлен")));
}

TEST_F(ControllerFixture, BackendRefusalIsShownInRussian) {
    services.setCodeOutcome(CodeRequest::Outcome::Unavailable);
    kiosk.start();
    kiosk.open(QStringLiteral("phone"));
    for (int d : {9, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
        kiosk.phone()->typePhoneDigit(d);
    }
    kiosk.phone()->submitPhone();
    ASSERT_TRUE(QSignalSpy(kiosk.phone(), &PhoneVerification::busyChanged).wait(5000));
    EXPECT_EQ(kiosk.screen(), QStringLiteral("phoneNumber"));
    EXPECT_EQ(kiosk.phone()->message(),
              QStringLiteral("Сейчас нельзя отправить код. Попробуйте через несколько минут."));
}

TEST_F(ControllerFixture, RegistrationIsRecordedRightAfterVerification) {
    kiosk.start();
    kiosk.open(QStringLiteral("phone"));
    verify();
    EXPECT_EQ(services.registrations(), std::vector<std::string>{"+79123456789"});
    EXPECT_TRUE(services.consents().empty());
    EXPECT_EQ(kiosk.screen(), QStringLiteral("smsConsent"));
    kiosk.registration()->answerConsent(false);
    ASSERT_EQ(services.consents().size(), 1U);
    EXPECT_FALSE(services.consents()[0].second);
}

TEST_F(ControllerFixture, RefusedBallotShowsTheBackendMessageAndStaysOnReview) {
    kiosk.start();
    kiosk.open(QStringLiteral("vote"));
    verify();
    EXPECT_EQ(kiosk.screen(), QStringLiteral("assemblies"));
    kiosk.voting()->openAssembly(0);
    kiosk.voting()->choose(QStringLiteral("for"));
    kiosk.voting()->choose(QStringLiteral("abstain"));
    EXPECT_EQ(kiosk.screen(), QStringLiteral("voteReview"));
    kiosk.voting()->confirm();
    ASSERT_TRUE(QSignalSpy(kiosk.voting(), &VotingFlow::accepted).wait(5000));
    EXPECT_EQ(kiosk.voting()->receiptCode(), QStringLiteral("AB12-CD34"));
    EXPECT_EQ(services.ballots().size(), 1U);
}

TEST_F(ControllerFixture, EndVisitForgetsTheResidentAndRestoresSettings) {
    kiosk.start();
    kiosk.open(QStringLiteral("vote"));
    verify();
    kiosk.voting()->openAssembly(0);
    kiosk.voting()->choose(QStringLiteral("for"));
    kiosk.report()->setText(QStringLiteral("текст"));
    kiosk.theme()->setTextStep(2);
    kiosk.theme()->setHighContrast(true);
    kiosk.speech()->louder();

    kiosk.endVisit();
    EXPECT_EQ(kiosk.screen(), QStringLiteral("attract"));
    EXPECT_TRUE(kiosk.verifiedPhone().isEmpty());
    EXPECT_EQ(kiosk.phone()->phoneDigitCount(), 0);
    EXPECT_EQ(kiosk.voting()->itemCount(), 0);
    EXPECT_EQ(kiosk.voting()->assemblies()->total(), 0);
    EXPECT_TRUE(kiosk.report()->text().isEmpty());
    EXPECT_EQ(kiosk.theme()->textStep(), 0);
    EXPECT_FALSE(kiosk.theme()->highContrast());
    EXPECT_DOUBLE_EQ(kiosk.speech()->volume(), Speech::kDefaultVolume);
    EXPECT_FALSE(kiosk.inactivity()->watching());
}

TEST_F(ControllerFixture, LateCodeResultOfAnEndedVisitIsDropped) {
    kiosk.start();
    kiosk.open(QStringLiteral("phone"));
    for (int d : {9, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
        kiosk.phone()->typePhoneDigit(d);
    }
    kiosk.phone()->submitPhone();
    kiosk.endVisit();
    QSignalSpy sent(kiosk.phone(), &PhoneVerification::codeSent);
    EXPECT_FALSE(sent.wait(300));
    EXPECT_EQ(kiosk.screen(), QStringLiteral("attract"));
}

TEST_F(ControllerFixture, ContentIsReloadedWhenItsVersionChanges) {
    kiosk.setRefreshIntervalMs(20);
    QSignalSpy changed(&kiosk, &KioskController::contentChanged);
    services.bumpContent();
    EXPECT_TRUE(changed.wait(2000));
}

TEST_F(ControllerFixture, PollOptionsComeFiveToAPage) {
    services.setPollOptions({"1", "2", "3", "4", "5", "6", "7"});
    kiosk.start();
    kiosk.open(QStringLiteral("polls"));
    verify();
    ASSERT_EQ(kiosk.screen(), QStringLiteral("poll"));
    ChoiceListModel* options = kiosk.polls()->options();
    EXPECT_EQ(options->count(), 7);
    EXPECT_EQ(options->rowCount(), PollFlow::kOptionsPerPage);
    EXPECT_EQ(options->pageCount(), 2);
    options->nextPage();
    ASSERT_EQ(options->rowCount(), 2);
    // Keys and rowIndex stay the option's index in the whole poll.
    const QModelIndex last = options->index(1);
    EXPECT_EQ(options->data(last, ChoiceListModel::KeyRole).toString(), QStringLiteral("6"));
    EXPECT_EQ(options->data(last, ChoiceListModel::TitleRole).toString(), QStringLiteral("7"));
    EXPECT_EQ(options->data(last, PagedListModel::kRowIndexRole).toInt(), 6);
    EXPECT_EQ(options->pageSpokenText(), QStringLiteral("6\n7"));
    kiosk.polls()->answer(6);
    EXPECT_EQ(kiosk.screen(), QStringLiteral("pollsDone"));
    ASSERT_EQ(services.pollAnswers().size(), 1U);
    EXPECT_EQ(services.pollAnswers().front().second, 6);
}

TEST_F(ControllerFixture, ReviewPageSizeFollowsTheTheme) {
    kiosk.theme()->setWindowSize(QSizeF(1920, 1080));
    EXPECT_EQ(kiosk.voting()->review()->pageSize(), 2);
    kiosk.theme()->setTextStep(2);
    EXPECT_EQ(kiosk.voting()->review()->pageSize(), 1);
    kiosk.theme()->setWindowSize(QSizeF(1080, 1920));
    EXPECT_EQ(kiosk.voting()->review()->pageSize(), 2);
}

// The received time of paper ballots, typed as ДДММЧЧММ on 5 January 2026
// at 10:00: a day and time not yet come this year are last year's.
TEST(StaffPaperEntry, ATypedReceivedTimeIsTheLatestSuchTimeNotAfterNow) {
    QThreadPool pool;
    const Millis now = QDateTime(QDate(2026, 1, 5), QTime(10, 0)).toMSecsSinceEpoch();
    StaffPaperEntry paper(pool, [now] { return now; });
    QSignalSpy accepted(&paper, &StaffPaperEntry::timeAccepted);
    const auto type = [&paper](const QString& digits) {
        paper.startTime();
        for (const QChar digit : digits) {
            paper.typeTimeDigit(digit.digitValue());
        }
        paper.acceptTime();
    };
    EXPECT_FALSE(paper.receivedSet());
    type(QStringLiteral("28121530"));
    EXPECT_EQ(accepted.count(), 1);
    EXPECT_EQ(paper.receivedText(), QStringLiteral("28 декабря 2025, 15:30"));
    type(QStringLiteral("05010930"));
    EXPECT_EQ(paper.receivedText(), QStringLiteral("5 января 2026, 09:30"));
    type(QStringLiteral("05011030"));  // half an hour ahead: a year ago
    EXPECT_EQ(paper.receivedText(), QStringLiteral("5 января 2025, 10:30"));
    type(QStringLiteral("32011030"));
    EXPECT_EQ(accepted.count(), 3);  // refused, the time kept
    EXPECT_EQ(paper.timeMessage(),
              QStringLiteral("Такой даты или времени нет: проверьте ДД.ММ ЧЧ:ММ."));
    EXPECT_EQ(paper.receivedText(), QStringLiteral("5 января 2025, 10:30"));
}

TEST(ChoiceListModel, SixChoicesFitOnePageAndNewChoicesStartOnTheFirstPage) {
    ChoiceListModel six;
    std::vector<ChoiceListModel::Choice> choices;
    for (int i = 0; i < 6; ++i) {
        choices.push_back({QString::number(i), QString::number(i), {}, false});
    }
    six.setChoices(choices);
    EXPECT_EQ(six.rowCount(), 6);
    EXPECT_EQ(six.pageCount(), 1);

    ChoiceListModel paged(nullptr, 5);
    paged.setChoices(choices);
    EXPECT_EQ(paged.rowCount(), 5);
    paged.nextPage();
    EXPECT_EQ(paged.page(), 1);
    paged.setChoices(choices);
    EXPECT_EQ(paged.page(), 0);
    EXPECT_EQ(paged.spokenText().count(QLatin1Char('\n')), 5);
}

TEST(InactivityWatch, WarnsThenExpiresAndKeepAliveRestarts) {
    InactivityWatch watch;
    watch.setIdleMs(50);
    watch.setWarningMs(100);
    QSignalSpy warned(&watch, &InactivityWatch::warningStarted);
    QSignalSpy expired(&watch, &InactivityWatch::expired);
    watch.start();
    ASSERT_TRUE(warned.wait(2000));
    EXPECT_TRUE(watch.warning());
    EXPECT_EQ(expired.count(), 0);
    watch.keepAlive();
    EXPECT_FALSE(watch.warning());
    ASSERT_TRUE(expired.wait(2000));
    EXPECT_EQ(warned.count(), 2);
    EXPECT_FALSE(watch.watching());
}

TEST(InactivityWatch, InputDuringTheWarningDoesNotDismissIt) {
    InactivityWatch watch;
    watch.setIdleMs(10);
    watch.setWarningMs(60'000);
    QSignalSpy warned(&watch, &InactivityWatch::warningStarted);
    watch.start();
    ASSERT_TRUE(warned.wait(2000));
    // Seen by the application-wide event filter.
    QObject target;
    QEvent press(QEvent::MouseButtonPress);
    QCoreApplication::sendEvent(&target, &press);
    EXPECT_TRUE(watch.warning());
    watch.keepAlive();
    EXPECT_FALSE(watch.warning());
}

TEST(InactivityWatch, DoesNothingWhenNotWatching) {
    InactivityWatch watch;
    watch.setIdleMs(10);
    QSignalSpy warned(&watch, &InactivityWatch::warningStarted);
    watch.keepAlive();
    EXPECT_FALSE(warned.wait(100));
}

TEST(QrImageProvider, RendersASquareBlackAndWhiteCode) {
    const QImage image = QrImageProvider::render(QStringLiteral("AB12-CD34"), 300);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), image.height());
    EXPECT_LE(image.width(), 300);
    EXPECT_EQ(image.pixelColor(0, 0), QColor(Qt::white));  // the quiet zone
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            dark += image.pixelColor(x, y) == QColor(Qt::black) ? 1 : 0;
        }
    }
    EXPECT_GT(dark, image.width() * image.height() / 10);
}

// Collects the warnings Qt logs while it exists (e.g. «Polish loop
// detected» from Qt Quick Layouts) and still passes every message on.
class LoggedWarnings {
public:
    LoggedWarnings() {
        instance_ = this;
        previous_ = qInstallMessageHandler(&LoggedWarnings::handle);
    }
    ~LoggedWarnings() {
        qInstallMessageHandler(previous_);
        instance_ = nullptr;
    }
    LoggedWarnings(const LoggedWarnings&) = delete;
    LoggedWarnings& operator=(const LoggedWarnings&) = delete;

    // The warnings that contain `text`.
    QStringList containing(const QString& text) const {
        QMutexLocker lock(&mutex_);
        return warnings_.filter(text);
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if (type == QtWarningMsg && instance_ != nullptr) {
            QMutexLocker lock(&instance_->mutex_);
            instance_->warnings_ << message;
        }
        if (instance_ != nullptr && instance_->previous_ != nullptr) {
            instance_->previous_(type, context, message);
        }
    }

    static inline LoggedWarnings* instance_ = nullptr;
    QtMessageHandler previous_ = nullptr;
    mutable QMutex mutex_;
    QStringList warnings_;
};

TEST(KioskUi, SavesEveryScreenInBothOrientationsAndThemes) {
    FakeServices services;
    UiOptions options;
    options.speechEngine = QStringLiteral("none");
    options.samplePhone = "+79161234567";
    // VECHE_KIOSK_SCREENSHOTS=<dir> keeps the pictures for a person to look at.
    QTemporaryDir temporary;
    ASSERT_TRUE(temporary.isValid());
    const QString kept = qEnvironmentVariable("VECHE_KIOSK_SCREENSHOTS");
    const QDir dir(kept.isEmpty() ? temporary.path() : kept);
    LoggedWarnings warnings;
    {
        KioskUi ui(services, options);
        ASSERT_EQ(ui.saveScreenshots(dir.path()), 0);
    }
    // Every layout settles: Qt Quick Layouts gives up after two passes and
    // leaves the screen half laid out (squeezed or overlapping buttons).
    for (const QString& loop :
         {QStringLiteral("Polish loop detected"), QStringLiteral("Binding loop detected")}) {
        const QStringList logged = warnings.containing(loop);
        EXPECT_TRUE(logged.isEmpty()) << logged.join(QLatin1Char('\n')).toStdString();
    }
    const QStringList files = dir.entryList({QStringLiteral("*.png")});
    EXPECT_EQ(files.size(), 29 * 2 * 2);
    EXPECT_TRUE(files.contains(QStringLiteral("portrait-normal-staff-pin.png")));
    EXPECT_TRUE(files.contains(QStringLiteral("portrait-normal-home.png")));
    EXPECT_TRUE(files.contains(QStringLiteral("landscape-contrast-vote-accepted.png")));
    EXPECT_TRUE(files.contains(QStringLiteral("portrait-contrast-inactivity-warning.png")));
    const QImage landscape(dir.filePath(QStringLiteral("landscape-normal-notice.png")));
    EXPECT_EQ(landscape.size(), QSize(1920, 1080));
    // The tour only reads: no code requested, nothing stored.
    EXPECT_EQ(services.codeRequests(), 0);
    EXPECT_TRUE(services.ballots().empty());
    EXPECT_TRUE(services.registrations().empty());
    EXPECT_TRUE(services.reports().empty());
}

}  // namespace
}  // namespace veche::kiosk::ui
