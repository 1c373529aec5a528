// A progress line on stderr for multi-file imports: files done, rate, ETA. Drawn only when
// stderr is a terminal (a pipe or a log file gets nothing), at most ten times a second.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace citegraph::cli {

class Progress {
  public:
    // `enabled` false makes every call a no-op; see terminal().
    Progress(std::size_t total, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Whether a progress line belongs on stderr: a terminal, not TERM=dumb.
    static bool terminal();

    // Before writing to stderr: erase the line (the next step redraws it).
    void clear();
    // Before writing to stdout: the same when stdout is the terminal too.
    void clear_for_stdout();
    // One more file done.
    void step(const std::string& file);
    // Erase the line for good.
    void finish();

    // The line for `done` of `total` files after `seconds` (exposed for tests).
    static std::string render(std::size_t done, std::size_t total, double seconds,
                              const std::string& file, std::size_t width);

  private:
    void draw(bool force);

    std::size_t total_;
    std::size_t done_ = 0;
    bool enabled_;
    bool shown_ = false;
    bool stdout_tty_ = false;
    std::string file_;
    std::chrono::steady_clock::time_point start_, last_;
};

} // namespace citegraph::cli
