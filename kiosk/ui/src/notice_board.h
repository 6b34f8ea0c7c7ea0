#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include <optional>
#include <vector>

#include "choice_list_model.h"
#include "paged_list_model.h"
#include "veche/kiosk/services.h"

namespace veche::kiosk::ui {

// The notices of one category, four to a page. Roles: title, categoryTitle,
// emergency, dateText.
class NoticeListModel : public veche::kiosk::ui::PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NoticeListModel is filled by NoticeBoard")

public:
    enum Role { TitleRole = Qt::UserRole + 1, CategoryTitleRole, EmergencyRole, DateTextRole };

    explicit NoticeListModel(QObject* parent = nullptr) : PagedListModel(4, parent) {}

    void setNotices(std::vector<Notice> notices);
    const Notice* noticeAt(int rowIndex) const;

protected:
    int totalRows() const override { return static_cast<int>(notices_.size()); }
    QVariant rowData(int rowIndex, int role) const override;
    QHash<int, QByteArray> rowRoleNames() const override;
    QString rowSpeech(int rowIndex) const override;

private:
    std::vector<Notice> notices_;
};

// «Объявления»: the categories (Экстренное first, when there is any), the
// notices of the chosen category and the notice opened full screen.
class NoticeBoard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NoticeBoard is owned by KioskController")

    Q_PROPERTY(veche::kiosk::ui::ChoiceListModel* categories READ categories CONSTANT)
    Q_PROPERTY(veche::kiosk::ui::NoticeListModel* list READ list CONSTANT)
    Q_PROPERTY(QString categoryTitle READ categoryTitle NOTIFY categoryChanged)
    Q_PROPERTY(bool noticeOpen READ noticeOpen NOTIFY openedChanged)
    Q_PROPERTY(QString openedTitle READ openedTitle NOTIFY openedChanged)
    Q_PROPERTY(QString openedBody READ openedBody NOTIFY openedChanged)
    Q_PROPERTY(QString openedAuthor READ openedAuthor NOTIFY openedChanged)
    Q_PROPERTY(QString openedCategoryTitle READ openedCategoryTitle NOTIFY openedChanged)
    Q_PROPERTY(QString openedDateText READ openedDateText NOTIFY openedChanged)
    Q_PROPERTY(bool openedEmergency READ openedEmergency NOTIFY openedChanged)

public:
    static constexpr const char* kEmergency = "emergency";

    explicit NoticeBoard(const KioskServices& services, QObject* parent = nullptr);

    ChoiceListModel* categories() { return &categories_; }
    NoticeListModel* list() { return &list_; }
    QString categoryTitle() const { return categories_.titleOf(category_); }

    bool noticeOpen() const { return opened_.has_value(); }
    QString openedTitle() const;
    QString openedBody() const;
    QString openedAuthor() const;
    QString openedCategoryTitle() const;
    QString openedDateText() const;
    bool openedEmergency() const;

    // Re-reads the notices valid now; keeps the chosen category and the
    // opened notice (even if it has just expired: the resident is reading).
    void reload();
    // Shows the category's notices and emits categoryOpened().
    Q_INVOKABLE void openCategory(const QString& key);
    // Opens the notice `rowIndex` of the category's list; emits noticeOpened().
    Q_INVOKABLE void openNotice(int rowIndex);
    // Forgets the category and the opened notice.
    void reset();

signals:
    void categoryChanged();
    void openedChanged();
    void categoryOpened();
    void noticeOpened();

private:
    void fillList();

    const KioskServices& services_;
    std::vector<Notice> all_;
    ChoiceListModel categories_;
    NoticeListModel list_;
    QString category_;
    std::optional<Notice> opened_;
};

}  // namespace veche::kiosk::ui
