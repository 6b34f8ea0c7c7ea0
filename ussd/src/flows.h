#pragma once
// What each kind of menu node (menu.h) shows and does with a choice. Private
// to ussd/: the engine makes one Flows per request.

#include <optional>
#include <string>
#include <vector>

#include "veche/ussd/backend.h"
#include "veche/ussd/menu.h"
#include "veche/ussd/pager.h"
#include "veche/ussd/screen.h"
#include "veche/ussd/session.h"

namespace veche::ussd {

class Flows {
public:
    Flows(UssdBackend& backend, SessionState& state, std::string dialCode);

    // One input of the caller: navigation or the number of a choice (or a
    // report's own words).
    void apply(const std::string& input);
    // The screen to show now: the current page, or the end of the session.
    Screen render();
    bool ended() const { return end_.has_value(); }

private:
    Frame& top() { return state_.stack.back(); }
    const Node& current() { return node(top().node); }
    void push(std::string_view nodeId, int arg = -1);
    void finish(std::string text) { end_ = Screen{true, std::move(text)}; }

    PageRequest layout();
    void layoutList(const Node& n, PageRequest& r);
    void layoutVote(Kind kind, PageRequest& r);
    void layoutItem(Kind kind, PageRequest& r);
    void choose(int n);
    bool chooseFromList(int n);
    bool answerQuestion(int n);
    bool answerPoll(int n);
    bool decisionHidden();
    void chooseOption(const Option& option);
    void vote();
    void submitReport(const std::string& text);

    // What the backend says, asked at most once a request.
    const Caller& caller();
    const std::vector<NoticeSummary>& notices();
    const std::vector<OpenAssembly>& assemblies();
    const std::vector<OpenPoll>& polls();
    std::vector<const Option*> visibleOptions(const Node& n);
    const OpenAssembly* chosenAssembly();
    const OpenPoll* chosenPoll();
    std::string actKey(const std::string& act) const;

    UssdBackend& backend_;
    SessionState& state_;
    std::string dialCode_;
    std::string note_;  // shown once atop the next screen
    std::optional<Screen> end_;
    std::optional<Caller> caller_;
    std::optional<std::vector<NoticeSummary>> notices_;
    std::optional<std::vector<OpenAssembly>> assemblies_;
    std::optional<std::vector<OpenPoll>> polls_;
};

}  // namespace veche::ussd
