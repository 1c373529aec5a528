#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace citegraph::cli {
namespace {

std::string clock_text(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    }
    return buf;
}

std::size_t terminal_width() {
    winsize ws{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) {
        return ws.ws_col;
    }
    return 80;
}

} // namespace

Progress::Progress(std::size_t total, bool enabled)
    : total_(total), enabled_(enabled && total > 1), start_(std::chrono::steady_clock::now()),
      last_(start_) {
    stdout_tty_ = enabled_ && isatty(STDOUT_FILENO) == 1;
}

Progress::~Progress() {
    finish();
}

bool Progress::terminal() {
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) == 1 && (term == nullptr || std::strcmp(term, "dumb") != 0);
}

std::string Progress::render(std::size_t done, std::size_t total, double seconds,
                             const std::string& file, std::size_t width) {
    const std::size_t bar = 20;
    std::size_t filled = total == 0 ? 0 : bar * done / total;
    std::string out = "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "] ";
    out += std::to_string(done) + "/" + std::to_string(total) + " files";
    if (seconds > 0 && done > 0) {
        double rate = static_cast<double>(done) / seconds;
        char buf[32];
        std::snprintf(buf, sizeof buf, "  %.1f files/s", rate);
        out += buf;
        out += "  ETA " + clock_text(static_cast<double>(total - done) / rate);
    }
    if (!file.empty()) {
        out += "  " + file;
    }
    if (out.size() > width - 1) {
        out.resize(width - 1); // one terminal line, never wrapped
    }
    return out;
}

void Progress::draw(bool force) {
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) {
        return;
    }
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    std::string line = render(done_, total_, seconds, file_, terminal_width());
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    shown_ = true;
}

void Progress::clear() {
    if (enabled_ && shown_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        shown_ = false;
    }
}

void Progress::clear_for_stdout() {
    if (stdout_tty_) {
        clear();
    }
}

void Progress::step(const std::string& file) {
    if (!enabled_) {
        return;
    }
    ++done_;
    auto slash = file.find_last_of('/');
    file_ = slash == std::string::npos ? file : file.substr(slash + 1);
    draw(done_ == total_ || !shown_);
}

void Progress::finish() {
    clear();
    enabled_ = false;
}

} // namespace citegraph::cli
