#include "citegraph/importers/parallel.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace citegraph {
namespace {

FileOutcome import_one(ImportContext& ctx, const std::string& file, const std::string& language) {
    FileOutcome out;
    try {
        out.result = import_file(ctx, file, language);
    } catch (...) {
        out.error = std::current_exception();
    }
    return out;
}

} // namespace

unsigned default_import_jobs() {
    return std::max(1u, std::thread::hardware_concurrency());
}

void import_in_order(ImportContext& ctx, const std::vector<std::string>& files,
                     const std::string& language, unsigned jobs,
                     const std::function<bool(std::size_t, FileOutcome&)>& sink) {
    if (jobs == 0) {
        jobs = default_import_jobs();
    }
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < files.size(); ++i) {
            FileOutcome o = import_one(ctx, files[i], language);
            if (!sink(i, o)) {
                return;
            }
        }
        return;
    }
    // Files [handed, next) are being read or wait in `ready` (slot i - handed); a thread takes
    // file `next` only while next < handed + window.
    const std::size_t window = 4 * std::size_t{jobs};
    std::mutex m;
    std::condition_variable to_workers, to_sink;
    std::deque<std::optional<FileOutcome>> ready;
    std::size_t next = 0, handed = 0;
    bool stop = false;

    auto work = [&] {
        std::unique_lock<std::mutex> lock(m);
        while (true) {
            to_workers.wait(lock,
                            [&] { return stop || next >= files.size() || next < handed + window; });
            if (stop || next >= files.size()) {
                return;
            }
            const std::size_t i = next++;
            if (ready.size() < next - handed) {
                ready.resize(next - handed);
            }
            lock.unlock();
            FileOutcome o = import_one(ctx, files[i], language);
            lock.lock();
            ready[i - handed] = std::move(o); // i >= handed: the sink waits for file `handed`
            if (i == handed) {
                to_sink.notify_one();
            }
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    auto finish = [&] {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
        }
        to_workers.notify_all();
        for (auto& t : threads) {
            t.join();
        }
    };
    try {
        for (unsigned t = 0; t < jobs; ++t) {
            threads.emplace_back(work);
        }
        for (std::size_t i = 0; i < files.size(); ++i) {
            FileOutcome o;
            {
                std::unique_lock<std::mutex> lock(m);
                to_sink.wait(lock, [&] { return !ready.empty() && ready.front().has_value(); });
                o = std::move(*ready.front());
                ready.pop_front();
                ++handed;
            }
            to_workers.notify_all(); // the window moved
            if (!sink(i, o)) {
                break;
            }
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

} // namespace citegraph
