import QtQuick
import QtTest

// Shared helpers for the kiosk's Quick Tests: find by objectName, click,
// type on the keypad. `view` is the KioskView under test.
TestCase {
    id: testCase

    property Item view

    when: windowShown

    // Every test fails on a layout that does not settle (a polish loop) or a
    // binding loop. A TestCase that has its own init() calls this first.
    function failOnLayoutWarnings() {
        failOnWarning(/Polish loop detected/);
        failOnWarning(/Binding loop detected/);
    }

    function init() {
        failOnLayoutWarnings();
    }

    function named(name) {
        const item = findChild(view, name);
        verify(item !== null, "no item named " + name);
        return item;
    }

    // True when neither the item nor any ancestor (layouts) awaits polishing,
    // i.e. its geometry is final.
    function laidOut(item) {
        for (let p = item; p; p = p.parent) {
            if (isPolishScheduled(p))
                return false;
        }
        return true;
    }

    function click(name) {
        const item = named(name);
        tryVerify(() => laidOut(item), 2000, name + " is still being laid out");
        verify(item.visible, name + " is not visible");
        verify(item.enabled, name + " is not enabled");
        mouseClick(item);
    }

    function typeDigits(digits) {
        for (const d of digits)
            click("key" + d);
    }

    // A fresh visit on the home screen.
    function startVisit() {
        kioskController.endVisit();
        compare(kioskController.screen, "attract");
        click("attractTouch");
        compare(kioskController.screen, "home");
    }

    function verifyPhone(section, phoneDigits) {
        click(section);
        compare(kioskController.screen, "phoneNumber");
        typeDigits(phoneDigits);
        click("requestCode");
        tryCompare(kioskController, "screen", "phoneCode");
        typeDigits("123456");
        click("submitCode");
    }
}
