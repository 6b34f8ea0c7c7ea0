#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

namespace veche::kiosk::ui {

// Runs `work` (a blocking backend call) on `pool` and then `done(result)` on
// `context`'s thread through a queued signal. When `context` is destroyed
// first, `done` is not called (the work still runs to its end; whoever owns
// the services waits for the pool before destroying them).
template <typename Result>
void runInBackground(QThreadPool& pool, QObject* context, std::function<Result()> work,
                     std::function<void(Result)> done) {
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(&pool, std::move(work)));
}

}  // namespace veche::kiosk::ui
