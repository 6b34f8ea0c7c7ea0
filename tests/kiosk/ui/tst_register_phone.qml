import QtQuick
import Veche.Kiosk

Item {
    width: 1080
    height: 1920

    KioskView {
        id: kioskView
        anchors.fill: parent
        kiosk: kioskController
    }

    KioskTestCase {
        name: "RegisterPhone"
        view: kioskView

        function test_wrong_code_then_right_code_consent_and_link() {
            startVisit();
            click("homePhone");
            compare(kioskController.screen, "phoneNumber");
            verify(!named("requestCode").enabled);
            typeDigits("9123456789");
            compare(named("phoneValue").text, "+7 912 345-67-89");
            click("requestCode");
            tryCompare(kioskController, "screen", "phoneCode");
            verify(named("codeSentText").text.indexOf("Код отправлен") === 0);

            typeDigits("111111");
            compare(named("codeDots").typed, 6);
            click("submitCode");
            tryCompare(named("codeMessage"), "text", "Неверный код. Осталось попыток: 2.");
            compare(kioskController.screen, "phoneCode");
            compare(probe.registrationCount(), 0);

            typeDigits("123456");
            click("submitCode");
            tryCompare(kioskController, "screen", "smsConsent");
            compare(probe.registrationCount(), 1);
            compare(probe.consentCount(), 0);
            verify(named("consentText").text.indexOf("Я согласен получать SMS") === 0);

            click("consentYes");
            compare(kioskController.screen, "apartment");
            compare(probe.consentCount(), 1);
            verify(probe.lastConsentGiven());

            click("key1");
            click("key2");
            click("letter_а");
            compare(named("apartmentValue").text, "12а");
            click("apartmentSubmit");
            compare(kioskController.screen, "registered");
            compare(probe.lastLinkPremises(), "12а");
            verify(named("registeredSummary").text.indexOf("зарегистрирован") > 0);
        }

        function test_code_screen_speech_never_says_the_code() {
            startVisit();
            click("homePhone");
            typeDigits("9123456789");
            click("requestCode");
            tryCompare(kioskController, "screen", "phoneCode");
            typeDigits("654");
            probe.clearSpoken();
            click("readAloudButton");
            tryVerify(() => probe.spoken().join(" ").indexOf("Введено цифр: 3 из 6") >= 0);
            tryCompare(kioskController.speech, "speaking", false);
            const said = probe.spoken().join(" ");
            verify(said.indexOf("654") < 0, said);
        }
    }
}
