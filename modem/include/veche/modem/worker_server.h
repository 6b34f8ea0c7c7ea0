#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include <vector>

#include "veche/modem/gammu_modem.h"

namespace veche::modem::worker {

// The command line that gives a worker these options, and back again
// (std::invalid_argument naming a bad or unknown argument).
std::vector<std::string> argumentsFor(const GammuModemOptions& options);
GammuModemOptions optionsFrom(const std::vector<std::string>& arguments);

// The worker process's side of worker_protocol.h: it answers a driver's
// commands with a Modem and tells the driver what the modem hears. It is the
// modem's listener, so it is made first and the modem after it:
//
//   ModemWorker worker(0, 1);
//   GammuModem modem(options, worker);
//   return worker.serve(modem);
class ModemWorker : public ModemListener {
public:
    // Reads commands from `in` and writes events to `out`; waits up to
    // `storeTimeout` for the driver to keep a received message.
    ModemWorker(int in, int out, std::chrono::milliseconds storeTimeout = std::chrono::seconds(30));

    // Runs the commands until `in` ends (the driver closed it or died), then
    // waits for the answers already asked for. Sends `info` every
    // `infoEvery`. Returns 0, or 1 when the driver sent a malformed line.
    int serve(Modem& modem, std::chrono::milliseconds infoEvery = std::chrono::seconds(1));

    // Blocks until the driver has answered `stored`; throws if it answered
    // `refused`, did not answer in time, or is gone: the modem then leaves
    // the message on its SIM.
    void onReceived(const std::string& modemId, const IncomingSms& sms) override;
    void onDeliveryReport(const std::string& modemId, const DeliveryReport& report) override;
    void onConnectionChanged(const std::string& modemId, bool connected) override;

private:
    void write(const std::vector<std::string>& fields);
    void dispatch(Modem& modem, const std::vector<std::string>& command);
    void answerInOrder();  // the thread that waits for the modem's answers
    void sendInfo(const Modem& modem);

    int in_;
    int out_;
    std::chrono::milliseconds storeTimeout_;
    std::mutex writeMutex_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> answers_;  // each waits for one future and writes it
    std::map<int, std::string> acks_;            // received id → "" stored, else why refused
    int nextReceivedId_ = 1;
    const Modem* modem_ = nullptr;  // set by serve()
    bool driverGone_ = false;
};

}  // namespace veche::modem::worker
