#include "citegraph/exporters/output_file.hpp"

#include "citegraph/engine/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace citegraph {

namespace {

constexpr std::size_t kBuffer = 1 << 20;
constexpr int kMaxLinks = 40;     // as the kernel's own limit (ELOOP)
constexpr int kFifoWaitMs = 3000; // how long a FIFO's reader has to open it
constexpr int kFifoPollMs = 20;

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool same_file(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

bool is_sqlite_database(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    char head[16] = {};
    ssize_t n = ::read(fd, head, sizeof head);
    ::close(fd);
    return n == 16 && std::memcmp(head, "SQLite format 3", 16) == 0;
}

} // namespace

OutputFile::OutputFile(const std::string& path, const OutputPolicy& policy) : path_(path) {
    buffer_.reserve(kBuffer);
    if (path == "-") {
        stdout_ = true;
        fd_ = STDOUT_FILENO;
        std::fflush(stdout); // what the command printed before comes first
        return;
    }
    if (path.empty()) {
        throw Error("no output file named (an empty path)");
    }
    // Follow symbolic links by hand, so that a dangling one names the file to create.
    target_ = path;
    struct stat st {};
    bool exists = false;
    for (int links = 0;; ++links) {
        if (::lstat(target_.c_str(), &st) != 0) {
            if (errno != ENOENT) {
                fail("cannot inspect it", errno);
            }
            break;
        }
        if (!S_ISLNK(st.st_mode)) {
            exists = true;
            break;
        }
        if (links == kMaxLinks) {
            fail("cannot follow it", ELOOP);
        }
        std::vector<char> buf(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1);
        ssize_t n = ::readlink(target_.c_str(), buf.data(), buf.size());
        if (n < 0) {
            fail("cannot read the symbolic link", errno);
        }
        std::string next(buf.data(), static_cast<std::size_t>(n));
        target_ = !next.empty() && next.front() == '/' ? next : folder_of(target_) + "/" + next;
    }
    if (exists) {
        for (const auto& p : policy.protect) {
            struct stat ps {};
            if (!p.empty() && ::stat(p.c_str(), &ps) == 0 && same_file(st, ps)) {
                throw Error("refusing to write '" + path + "': it is the store " + p +
                            " (or one of its files)");
            }
        }
        if (S_ISDIR(st.st_mode)) {
            fail("it is a directory", EISDIR);
        }
        if (S_ISBLK(st.st_mode)) {
            throw Error("refusing to write '" + path + "': it is a block device");
        }
        if (S_ISSOCK(st.st_mode)) {
            throw Error("refusing to write '" + path + "': it is a socket");
        }
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            // In place: a device or a pipe is never replaced by a regular file. A FIFO with no
            // reader fails with ENXIO instead of blocking; a reader started at the same time as
            // the export (`citegraph export -o fifo & cat fifo`) gets kFifoWait to open it.
            fd_ = ::open(target_.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
            for (int waited = 0; fd_ < 0 && errno == ENXIO && waited < kFifoWaitMs;
                 waited += kFifoPollMs) {
                ::usleep(kFifoPollMs * 1000);
                fd_ = ::open(target_.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
            }
            if (fd_ < 0) {
                fail(errno == ENXIO ? "a FIFO that nobody reads (none opened it within " +
                                          std::to_string(kFifoWaitMs / 1000) + " s)"
                                    : std::string("cannot open it"),
                     errno);
            }
            ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
            return;
        }
        if (is_sqlite_database(target_)) {
            throw Error("refusing to write '" + path +
                        "': it is an SQLite database (a citegraph store?); remove it first if "
                        "it is meant to be replaced");
        }
    }
    // A regular file or none: a temporary file beside the target, renamed over it at the end.
    const std::string stem = folder_of(target_) + "/." + base_of(target_) + ".citegraph-" +
                             std::to_string(::getpid()) + "-";
    const mode_t mode = exists ? (st.st_mode & 07777) : 0666; // 0666 & ~umask when new
    for (int attempt = 0; fd_ < 0; ++attempt) {
        temp_ = stem + std::to_string(attempt) + ".tmp";
        fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd_ < 0 && (errno != EEXIST || attempt == 100)) {
            const int e = errno;
            temp_.clear();
            fail("cannot create a file in " + folder_of(target_), e);
        }
    }
    if (exists) {
        ::fchmod(fd_, mode); // the old file's bits, whatever the umask
    }
}

OutputFile::~OutputFile() {
    if (!done_ && !stdout_ && fd_ >= 0) {
        ::close(fd_);
    }
    if (!done_ && !temp_.empty()) {
        ::unlink(temp_.c_str());
    }
}

void OutputFile::fail(const std::string& what, int err) {
    if (!stdout_ && fd_ >= 0) {
        ::close(fd_);
    }
    fd_ = -1;
    if (!temp_.empty()) {
        ::unlink(temp_.c_str());
        temp_.clear();
    }
    done_ = true;
    const std::string name = stdout_ ? std::string("standard output") : "'" + path_ + "'";
    throw Error("cannot write " + name + ": " + what + " (" + std::strerror(err) + ")");
}

namespace {

// write(2) until all is written; the errno of the failure, or 0.
int write_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t k = ::write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        if (k == 0) {
            return EIO;
        }
        p += k;
        n -= static_cast<std::size_t>(k);
    }
    return 0;
}

} // namespace

void OutputFile::write(std::string_view bytes) {
    if (done_) {
        throw Error("cannot write '" + path_ + "': the output is closed");
    }
    if (buffer_.size() + bytes.size() <= kBuffer) {
        buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
        return;
    }
    if (int e = write_all(fd_, buffer_.data(), buffer_.size())) {
        fail("write failed", e);
    }
    buffer_.clear();
    if (bytes.size() >= kBuffer) {
        if (int e = write_all(fd_, bytes.data(), bytes.size())) {
            fail("write failed", e);
        }
    } else {
        buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    }
}

void OutputFile::commit() {
    if (done_) {
        throw Error("cannot write '" + path_ + "': the output is closed");
    }
    if (int e = write_all(fd_, buffer_.data(), buffer_.size())) {
        fail("write failed", e);
    }
    buffer_.clear();
    if (stdout_) {
        done_ = true;
        return;
    }
    if (!temp_.empty() && ::fsync(fd_) != 0 && errno != EINVAL) {
        fail("write failed", errno); // NFS and full disks report late
    }
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        fail("close failed", errno);
    }
    if (!temp_.empty() && ::rename(temp_.c_str(), target_.c_str()) != 0) {
        fail("cannot rename " + temp_ + " to it", errno);
    }
    temp_.clear();
    done_ = true;
}

void write_output_file(const std::string& path, std::string_view content,
                       const OutputPolicy& policy) {
    OutputFile out(path, policy);
    out.write(content);
    out.commit();
}

} // namespace citegraph
