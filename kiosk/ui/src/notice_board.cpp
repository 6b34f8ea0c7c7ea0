#include "notice_board.h"

#include <array>

#include "russian_text.h"

namespace veche::kiosk::ui {
namespace {

struct Category {
    const char* key;
    const char* title;
};

// The order of the category buttons; «Экстренное» comes before them.
constexpr std::array<Category, 5> kCategories{{
    {"housing", "ЖКХ и санитария"},
    {"public_order", "Правопорядок"},
    {"health", "Здравоохранение"},
    {"youth_sport_culture", "Молодёжь, спорт и культура"},
    {"board", "Доска объявлений"},
}};

QString countText(long n) {
    if (n == 0) {
        return QStringLiteral("Объявлений нет");
    }
    return QString::number(n) + QLatin1Char(' ') +
           pluralRu(n, QStringLiteral("объявление"), QStringLiteral("объявления"),
                    QStringLiteral("объявлений"));
}

}  // namespace

void NoticeListModel::setNotices(std::vector<Notice> notices) {
    beginReplaceRows();
    notices_ = std::move(notices);
    endReplaceRows();
}

const Notice* NoticeListModel::noticeAt(int rowIndex) const {
    if (rowIndex < 0 || rowIndex >= totalRows()) {
        return nullptr;
    }
    return &notices_[static_cast<size_t>(rowIndex)];
}

QVariant NoticeListModel::rowData(int rowIndex, int role) const {
    const Notice* notice = noticeAt(rowIndex);
    if (notice == nullptr) {
        return {};
    }
    switch (role) {
        case TitleRole:
            return toQString(notice->title);
        case CategoryTitleRole:
            return toQString(notice->categoryTitle);
        case EmergencyRole:
            return notice->category == NoticeBoard::kEmergency;
        case DateTextRole:
            return dateTimeText(notice->validFrom);
        default:
            return {};
    }
}

QHash<int, QByteArray> NoticeListModel::rowRoleNames() const {
    return {{TitleRole, "title"},
            {CategoryTitleRole, "categoryTitle"},
            {EmergencyRole, "emergency"},
            {DateTextRole, "dateText"}};
}

NoticeBoard::NoticeBoard(const KioskServices& services, QObject* parent)
    : QObject(parent), services_(services) {}

QString NoticeBoard::openedTitle() const {
    return opened_ ? toQString(opened_->title) : QString();
}
QString NoticeBoard::openedBody() const {
    return opened_ ? toQString(opened_->body) : QString();
}
QString NoticeBoard::openedAuthor() const {
    return opened_ ? toQString(opened_->author) : QString();
}
QString NoticeBoard::openedCategoryTitle() const {
    return opened_ ? toQString(opened_->categoryTitle) : QString();
}
QString NoticeBoard::openedDateText() const {
    return opened_ ? dateTimeText(opened_->validFrom) : QString();
}
bool NoticeBoard::openedEmergency() const {
    return opened_ && opened_->category == kEmergency;
}

void NoticeBoard::reload() {
    all_ = services_.notices(nowMillis());
    std::vector<ChoiceListModel::Choice> choices;
    long emergencies = 0;
    for (const Notice& notice : all_) {
        emergencies += notice.category == kEmergency ? 1 : 0;
    }
    if (emergencies > 0) {
        choices.push_back({QString::fromLatin1(kEmergency), QStringLiteral("Экстренное"),
                           countText(emergencies), true});
    }
    for (const Category& category : kCategories) {
        long n = 0;
        for (const Notice& notice : all_) {
            n += notice.category == category.key ? 1 : 0;
        }
        choices.push_back({QString::fromLatin1(category.key), QString::fromUtf8(category.title),
                           countText(n), false});
    }
    categories_.setChoices(std::move(choices));
    fillList();
}

void NoticeBoard::openCategory(const QString& key) {
    category_ = key;
    fillList();
    emit categoryChanged();
    emit categoryOpened();
}

void NoticeBoard::openNotice(int rowIndex) {
    const Notice* notice = list_.noticeAt(rowIndex);
    if (notice == nullptr) {
        return;
    }
    opened_ = *notice;
    emit openedChanged();
    emit noticeOpened();
}

void NoticeBoard::reset() {
    category_.clear();
    opened_.reset();
    list_.setNotices({});
    emit categoryChanged();
    emit openedChanged();
}

void NoticeBoard::fillList() {
    std::vector<Notice> selected;
    const std::string key = category_.toStdString();
    for (const Notice& notice : all_) {
        if (!key.empty() && notice.category == key) {
            selected.push_back(notice);
        }
    }
    list_.setNotices(std::move(selected));
}

QString NoticeListModel::rowSpeech(int rowIndex) const {
    const Notice* notice = noticeAt(rowIndex);
    return notice == nullptr ? QString() : toQString(notice->title);
}

}  // namespace veche::kiosk::ui
