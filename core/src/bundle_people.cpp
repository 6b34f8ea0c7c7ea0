#include <unordered_map>

#include "csv_table.h"
#include "veche/core/bundle.h"

namespace veche::core {

std::vector<Member> readMembers(const std::string& csv, Problems& problems, bool* everyRowRead) {
    std::vector<Member> members;
    const auto table = CsvTable::open("members.csv", csv, {"member_id", "name"}, problems);
    if (everyRowRead != nullptr) {
        *everyRowRead = table && table->complete();
    }
    if (!table) {
        return members;
    }
    std::unordered_map<std::string, std::size_t> firstLine;
    for (const CsvRecord& row : table->rows()) {
        const std::string& id = table->field(row, 0);
        if (id.empty()) {
            table->report(problems, row, "member_id is empty");
            continue;
        }
        const auto [it, inserted] = firstLine.try_emplace(id, row.line);
        if (!inserted) {
            table->report(problems, row,
                          "member " + quoted(id) + " is listed twice (first at line " +
                              std::to_string(it->second) + ")");
            continue;
        }
        members.push_back({id, table->field(row, 1)});
    }
    if (!table->hasData()) {
        problems.push_back({"members.csv", 0, "lists no members"});
    }
    return members;
}

BallotBox readBallots(const std::string& csv, const std::vector<std::string>* voterIds,
                      const Agenda* agenda, const char* voterFile, Problems& problems) {
    const bool checkable = voterIds != nullptr && agenda != nullptr;
    const std::size_t voterCount = voterIds != nullptr ? voterIds->size() : 0;
    const std::size_t itemCount = agenda != nullptr ? agenda->items.size() : 0;
    BallotBox box(checkable ? voterCount : 0, checkable ? itemCount : 0);
    const auto table = CsvTable::open("ballots.csv", csv, {"voter_id", "item", "choice"}, problems);
    if (!table) {
        return box;
    }
    std::unordered_map<std::string_view, std::size_t> voterIndex;
    for (std::size_t i = 0; i < voterCount; ++i) {
        voterIndex.emplace((*voterIds)[i], i);
    }
    std::unordered_map<std::string_view, std::size_t> itemIndex;
    for (std::size_t i = 0; i < itemCount; ++i) {
        itemIndex.emplace(agenda->items[i].id, i);
    }
    std::vector<std::size_t> recordedAt(box.voterCount() * box.itemCount(), 0);
    for (const CsvRecord& row : table->rows()) {
        const std::string& voterId = table->field(row, 0);
        const std::string& itemId = table->field(row, 1);
        const std::string& choiceText = table->field(row, 2);
        const auto voter = voterIndex.find(voterId);
        const auto item = itemIndex.find(itemId);
        const auto choice = parseChoice(choiceText);
        if (voterIds != nullptr && voter == voterIndex.end()) {
            table->report(problems, row, "voter " + quoted(voterId) + " is not in " + voterFile);
        }
        if (agenda != nullptr && item == itemIndex.end()) {
            table->report(problems, row, "item " + quoted(itemId) + " is not on the agenda");
        }
        if (!choice) {
            table->report(
                problems, row,
                "choice " + quoted(choiceText) + " is not one of for, against, abstain, invalid");
        }
        if (!checkable || voter == voterIndex.end() || item == itemIndex.end() || !choice) {
            continue;
        }
        std::size_t& firstLine = recordedAt[voter->second * itemCount + item->second];
        if (!box.record(voter->second, item->second, *choice)) {
            table->report(problems, row,
                          "voter " + quoted(voterId) + " already answered item " + quoted(itemId) +
                              " at line " + std::to_string(firstLine));
            continue;
        }
        firstLine = row.line;
    }
    return box;
}

}  // namespace veche::core
