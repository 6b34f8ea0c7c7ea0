import QtQuick
import Veche.Kiosk

// Shows the screen KioskController names in `screen`: screens/<File>.qml,
// a new instance each time, so that every screen starts from the
// controllers' state.
Item {
    id: screenHost

    required property KioskController kiosk
    readonly property string spokenText: {
        const page = screenLoader.item as ScreenPage;
        return page ? page.spokenText : "";
    }
    readonly property var screenFiles: ({
        attract: "AttractScreen",
        home: "HomeScreen",
        noticeCategories: "NoticeCategoriesScreen",
        noticeList: "NoticeListScreen",
        notice: "NoticeScreen",
        phoneNumber: "PhoneNumberScreen",
        phoneCode: "CodeScreen",
        smsConsent: "ConsentScreen",
        apartment: "ApartmentScreen",
        registered: "RegisteredScreen",
        assemblies: "AssembliesScreen",
        voteItem: "VoteItemScreen",
        voteReview: "VoteReviewScreen",
        voteAccepted: "VoteAcceptedScreen",
        poll: "PollScreen",
        pollsDone: "PollsDoneScreen",
        reportCategory: "ReportCategoryScreen",
        reportText: "ReportTextScreen",
        reportPhone: "ReportPhoneScreen",
        reportDone: "ReportDoneScreen",
        accessibility: "AccessibilityScreen",
        staff: "StaffScreen",
        staffPin: "StaffPinScreen",
        staffSms: "StaffSmsScreen",
        staffEnrol: "StaffEnrolScreen",
        staffPaper: "StaffPaperScreen",
        staffPaperTime: "StaffPaperTimeScreen"
    })

    function showScreen() {
        const file = screenFiles[kiosk.screen] ?? "HomeScreen";
        screenLoader.setSource(Qt.resolvedUrl("screens/" + file + ".qml"), {kiosk: kiosk});
    }

    Component.onCompleted: showScreen()

    Connections {
        target: screenHost.kiosk
        function onScreenChanged() {
            screenHost.showScreen();
        }
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.fill: parent
    }
}
