#include "screenshot_tour.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QQuickWindow>

#include <functional>
#include <vector>

#include "kiosk_controller.h"
#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

constexpr Millis kDay = 24LL * 60 * 60 * 1000;

// Shown when the services have no open assembly for the sample phone.
std::vector<Assembly> sampleAssemblies() {
    Assembly assembly;
    assembly.id = "sample";
    assembly.title = "Образец: общее собрание собственников";
    assembly.consultative = true;
    assembly.closesAt = nowMillis() + 7 * kDay;
    assembly.agenda = {
        {"1", "Образец: избрать председателем собрания собственника квартиры 12."},
        {"2", "Образец: утвердить план текущего ремонта подъездов на следующий год."},
    };
    return {assembly};
}

std::vector<Poll> samplePolls() {
    return {{"sample",
             "Образец: в какое время удобнее проводить собрания?",
             {"Будни, вечер", "Суббота, день", "Воскресенье, день"},
             nowMillis() + 7 * kDay}};
}

// A returned paper ballot, as staff see it once scanned.
PaperBallot samplePaperBallot() {
    PaperBallot b;
    b.code = "veche://ballot/?a=sample&b=B7K2M9QX&c=4F7A9Z";
    b.assemblyTitle = "Образец: общее собрание собственников";
    b.ballotId = "B7K2-M9QX";
    b.voterNames = {"Образец: Антонова Анна Андреевна"};
    b.premises = {"помещение 12, доля 1/2, голосов: 30,50"};
    b.votes = "30,50";
    b.items = sampleAssemblies().front().agenda;
    b.status = "awaiting_second_entry";
    b.entries = 1;
    return b;
}

void settle() {
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
    }
}

struct Shot {
    QString name;
    std::function<void()> prepare;
};

}  // namespace

int saveScreenshotTour(QQuickWindow& window, KioskController& kiosk, const KioskServices& services,
                       const std::string& samplePhone, const QString& dir) {
    QDir().mkpath(dir);
    const QString phone =
        samplePhone.empty() ? QStringLiteral("+79000000000") : QString::fromStdString(samplePhone);
    std::vector<Assembly> assemblies = samplePhone.empty()
                                           ? std::vector<Assembly>{}
                                           : services.assembliesFor(samplePhone, nowMillis());
    if (assemblies.empty()) {
        assemblies = sampleAssemblies();
    }
    std::vector<Poll> polls =
        samplePhone.empty() ? std::vector<Poll>{} : services.openPolls(samplePhone, nowMillis());
    if (polls.empty()) {
        polls = samplePolls();
    }
    auto freshVisit = [&kiosk] {
        kiosk.endVisit();
        kiosk.start();
    };
    auto typePhone = [&kiosk] {
        for (const int digit : {9, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
            kiosk.phone()->typePhoneDigit(digit);
        }
    };
    auto noticeCategory = [&kiosk] {
        for (const auto& choice : kiosk.notices()->categories()->choices()) {
            if (!choice.detail.startsWith(QStringLiteral("Объявлений нет"))) {
                return choice.key;
            }
        }
        return QStringLiteral("housing");
    };

    const std::vector<Shot> shots{
        {"attract", [&] { kiosk.endVisit(); }},
        {"home", freshVisit},
        {"notice-categories", [&] { kiosk.open(QStringLiteral("notices")); }},
        {"notice-list", [&] { kiosk.notices()->openCategory(noticeCategory()); }},
        {"notice", [&] { kiosk.notices()->openNotice(0); }},
        {"phone-number",
         [&] {
             freshVisit();
             kiosk.open(QStringLiteral("phone"));
             typePhone();
         }},
        {"phone-code",
         [&] {
             for (const int digit : {4, 8, 1}) {
                 kiosk.phone()->typeCodeDigit(digit);
             }
             kiosk.showForPreview(QStringLiteral("phoneCode"));
         }},
        {"sms-consent",
         [&] {
             kiosk.registration()->showConsentForPreview();
             kiosk.showForPreview(QStringLiteral("smsConsent"), phone);
         }},
        {"apartment",
         [&] {
             for (const QString& c :
                  {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("а")}) {
                 kiosk.registration()->typeApartmentChar(c);
             }
             kiosk.showForPreview(QStringLiteral("apartment"), phone);
         }},
        {"registered", [&] { kiosk.showForPreview(QStringLiteral("registered"), phone); }},
        {"vote-identify",
         [&] {
             freshVisit();
             kiosk.open(QStringLiteral("vote"));
         }},
        {"assemblies",
         [&] {
             kiosk.voting()->showForPreview(assemblies);
             kiosk.showForPreview(QStringLiteral("assemblies"), phone);
         }},
        {"vote-item", [&] { kiosk.voting()->openAssembly(0); }},
        {"vote-review",
         [&] {
             while (kiosk.screen() == QLatin1String("voteItem")) {
                 kiosk.voting()->choose(QStringLiteral("for"));
             }
         }},
        {"vote-accepted",
         [&] {
             kiosk.voting()->showReceiptForPreview(
                 {"sample", "AB12-CD34", kiosk.voting()->consultative()});
             kiosk.showForPreview(QStringLiteral("voteAccepted"), phone);
         }},
        {"poll",
         [&] {
             freshVisit();
             kiosk.showForPreview(QStringLiteral("home"), phone);
             kiosk.polls()->showForPreview(polls);
         }},
        {"polls-done", [&] { kiosk.showForPreview(QStringLiteral("pollsDone"), phone); }},
        {"report-category",
         [&] {
             freshVisit();
             kiosk.open(QStringLiteral("report"));
         }},
        {"report-text",
         [&] {
             kiosk.report()->chooseCategory(QStringLiteral("housing"));
             kiosk.report()->setText(
                 QStringLiteral("В третьем подъезде не горит свет на пятом этаже."));
         }},
        {"report-phone",
         [&] {
             kiosk.report()->acceptText();
             for (const int digit : {9, 1, 2}) {
                 kiosk.report()->typePhoneDigit(digit);
             }
         }},
        {"report-done",
         [&] {
             kiosk.report()->showNumberForPreview(QStringLiteral("0042"));
             kiosk.showForPreview(QStringLiteral("reportDone"));
         }},
        {"accessibility",
         [&] {
             freshVisit();
             kiosk.openAccessibility();
         }},
        {"staff-pin", [&] { kiosk.openStaff(); }},
        {"staff",
         [&] {
             kiosk.staff()->refresh();
             kiosk.showForPreview(QStringLiteral("staff"));
         }},
        {"staff-sms",
         [&] {
             kiosk.staffSms()->reset();
             kiosk.showForPreview(QStringLiteral("staffSms"));
         }},
        {"staff-enrol",
         [&] {
             kiosk.staffEnrolment()->reset();
             kiosk.showForPreview(QStringLiteral("staffEnrol"));
         }},
        {"staff-paper",
         [&] {
             kiosk.staffPaper()->reset();
             kiosk.staffPaper()->showForPreview(samplePaperBallot(),
                                                {core::Choice::For, core::Choice::Invalid});
             kiosk.showForPreview(QStringLiteral("staffPaper"));
         }},
        {"staff-paper-time",
         [&] {
             kiosk.staffPaper()->startTime();
             for (const int digit : {0, 5, 1, 2, 1, 5}) {
                 kiosk.staffPaper()->typeTimeDigit(digit);
             }
             kiosk.showForPreview(QStringLiteral("staffPaperTime"));
         }},
        {"inactivity-warning",
         [&] {
             freshVisit();
             kiosk.inactivity()->warnNow();
         }},
    };

    int failures = 0;
    const std::vector<std::pair<QString, QSize>> orientations{
        {QStringLiteral("portrait"), QSize(1080, 1920)},
        {QStringLiteral("landscape"), QSize(1920, 1080)}};
    for (const auto& [orientation, size] : orientations) {
        window.resize(size);
        settle();
        for (const bool contrast : {false, true}) {
            for (const Shot& shot : shots) {
                shot.prepare();
                kiosk.theme()->setHighContrast(contrast);
                settle();
                const QString file =
                    QStringLiteral("%1/%2-%3-%4.png")
                        .arg(dir, orientation,
                             contrast ? QStringLiteral("contrast") : QStringLiteral("normal"),
                             shot.name);
                if (!window.grabWindow().save(file)) {
                    ++failures;
                }
            }
        }
    }
    kiosk.endVisit();
    return failures;
}

}  // namespace veche::kiosk::ui
