#include "veche/kiosk/paper_entry.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>

#include "json_text.h"
#include "veche/core/bundle_writer.h"

namespace veche::kiosk {
namespace {

using Json = Poco::JSON::Object::Ptr;

constexpr const char* kOffline =
    "Нет связи с сервером. Бюллетени вводятся только при связи с ним: повторите позже.";

Json parsed(const std::string& body) {
    try {
        return Poco::JSON::Parser().parse(body).extract<Json>();
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

std::string text(const Json& o, const std::string& key) {
    return o && o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

// «30,50»: the hub's decimal with a decimal comma.
std::string decimalComma(std::string number) {
    for (char& c : number) {
        if (c == '.') {
            c = ',';
        }
    }
    return number;
}

// An ISO 8601 time of the hub; 0 when there is none.
Millis timeOf(const std::string& iso) {
    Poco::DateTime parsed;
    int zone = 0;
    if (iso.empty() ||
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, iso, parsed, zone)) {
        return 0;
    }
    parsed.makeUTC(zone);
    return parsed.timestamp().epochMicroseconds() / 1000;
}

PaperBallot ballotFrom(const Json& o, const std::string& code) {
    PaperBallot b;
    b.code = code;
    b.assemblyTitle = text(o, "assembly_title");
    b.ballotId = text(o, "ballot_id");
    if (const auto names = o->getArray("voter_names")) {
        for (const Poco::Dynamic::Var& name : *names) {
            b.voterNames.push_back(name.toString());
        }
    }
    if (const auto premises = o->getArray("premises")) {
        for (const Poco::Dynamic::Var& each : *premises) {
            const Json p = each.extract<Json>();
            b.premises.push_back("помещение " + text(p, "premises") + ", доля " + text(p, "share") +
                                 ", голосов: " + decimalComma(text(p, "votes")));
        }
    }
    b.votes = decimalComma(text(o, "votes"));
    if (const auto items = o->getArray("items")) {
        for (const Poco::Dynamic::Var& each : *items) {
            const Json item = each.extract<Json>();
            b.items.push_back({text(item, "id"), text(item, "title")});
        }
    }
    b.closesAt = timeOf(text(o, "closes_at"));
    b.status = text(o, "status");
    if (const auto entries = o->getArray("entries")) {
        b.entries = static_cast<int>(entries->size());
    }
    return b;
}

// The hub's refusal, in Russian for staff.
std::string refusalText(const provisioning::HubReply& reply) {
    const Json error = [&] {
        const Json body = parsed(reply.body);
        return body && body->has("error") ? body->getObject("error") : nullptr;
    }();
    const std::string code = text(error, "code");
    const std::string field = text(error, "field");
    if (reply.status == 401) {
        return "Сервер не принимает этот терминал (он отключён или его ключ не подходит). "
               "Обратитесь к оператору.";
    }
    if (code == "other_building") {
        return "Это бюллетень собрания другого дома: здесь вводятся только бюллетени собраний "
               "этого дома.";
    }
    if (code == "mismatch_at_hub") {
        return "Вводы этого бюллетеня не совпадают: его решает оператор на сервере. Отложите "
               "бланк для оператора.";
    }
    if (field == "assembly") {
        return "QR-код бюллетеня прочитан не полностью: отсканируйте его ещё раз.";
    }
    if (field == "code") {
        return "Это не код бюллетеня. Отсканируйте QR-код или введите 14 знаков под ним: "
               "номер бюллетеня и контрольный код.";
    }
    if (field == "ballot_id") {
        return reply.status == 404 ? "Такого бюллетеня нет в собраниях этого дома."
                                   : "Номер бюллетеня набран с ошибкой: проверьте первые 8 знаков.";
    }
    if (field == "check") {
        return "Контрольный код не подходит к этому бюллетеню. Проверьте его; если он набран "
               "верно, отложите бюллетень для оператора.";
    }
    if (field.rfind("answers.", 0) == 0) {
        return "Отметьте ответ по вопросу " + field.substr(8) + ".";
    }
    if (field == "received_at") {
        return "Дата получения раньше начала голосования или ещё не наступила: проверьте её.";
    }
    if (code == "second_pass_not_independent") {
        return "Бюллетень уже вводили на другом терминале или на сервере: второй проход его "
               "не решает. Пусть его введёт там сотрудник, который его ещё не вводил.";
    }
    if (field == "second_pass") {
        return "«Второй проход» возможен после первого ввода этого бюллетеня на этом терминале.";
    }
    if (code == "already_entered") {
        return "Этот терминал уже вводил бюллетень, и тот ввод отличался. Записанное не "
               "меняется: пусть бюллетень введёт другой сотрудник на сервере или на другом "
               "терминале; если его больше никто не вводил, можно отметить «Второй проход».";
    }
    if (code == "already_agreed") {
        return "Два ввода этого бюллетеня уже совпали, больше его вводить не нужно.";
    }
    if (code == "entered_concurrently") {
        return "Этот бюллетень только что ввели в другом месте. Найдите его снова и повторите.";
    }
    return "Сервер не принял ввод (ошибка " + std::to_string(reply.status) +
           "). Повторите позже или обратитесь к оператору.";
}

std::string isoTime(Millis t) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(t * 1000),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

}  // namespace

std::string paperStatusText(const std::string& status) {
    if (status == "not_entered") {
        return "Бюллетень ещё не вводили.";
    }
    if (status == "awaiting_second_entry") {
        return "Бюллетень введён один раз. Он будет учтён, когда совпадёт второй ввод: другого "
               "сотрудника или второй проход на этом терминале.";
    }
    if (status == "mismatch") {
        return "Вводы бюллетеня не совпадают: его решает оператор на сервере, расхождения видны "
               "ему рядом.";
    }
    if (status == "counted") {
        return "Два ввода совпали: бюллетень учтён.";
    }
    if (status == "late") {
        return "Бюллетень получен после окончания голосования: он записан, но не учитывается.";
    }
    return "Состояние бюллетеня неизвестно.";
}

PaperLookup HubPaperEntry::lookUp(const std::string& code) {
    Poco::JSON::Object body;
    body.set("code", code);
    const auto reply = link_.send("POST", "/api/v1/kiosk/paper-ballots/lookup", jsonText(body));
    if (!reply) {
        return {false, {}, kOffline};
    }
    const Json ballot = reply->status == 200 ? parsed(reply->body) : nullptr;
    if (!ballot) {
        return {false, {}, refusalText(*reply)};
    }
    PaperLookup found{true, ballotFrom(ballot, code), {}};
    found.message = paperStatusText(found.ballot.status);
    return found;
}

PaperEntryOutcome HubPaperEntry::enter(const std::string& code, const PaperAnswers& answers,
                                       Millis receivedAt, bool secondPass) {
    Poco::JSON::Object body;
    body.set("code", code);
    body.set("received_at", isoTime(receivedAt));
    Poco::JSON::Object byItem(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [item, choice] : answers) {
        byItem.set(item, std::string(core::nameOf(choice)));
    }
    body.set("answers", byItem);
    body.set("second_pass", secondPass);
    const auto reply = link_.send("POST", "/api/v1/kiosk/paper-ballots/entries", jsonText(body));
    if (!reply) {
        return {false, {}, kOffline};
    }
    const Json result =
        reply->status == 200 || reply->status == 201 ? parsed(reply->body) : nullptr;
    if (!result) {
        return {false, {}, refusalText(*reply)};
    }
    const std::string status = text(result, "status");
    std::string message =
        reply->status == 200 ? "Этот ввод уже был записан раньше. " : "Записано. ";
    return {true, status, message + paperStatusText(status)};
}

}  // namespace veche::kiosk
