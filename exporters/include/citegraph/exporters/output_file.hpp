// The output-file policy: the one way every exporter and the CLI write a file the user named.
//
//   "-"                     standard output; every write and the final flush are checked.
//   a missing file          written to a temporary file in the target's folder, renamed to it.
//   a regular file          the same; the rename replaces it only once the whole output is
//                           written and closed, so a failed export leaves the old file (or no
//                           file) and never a truncated one. The new file keeps the old one's
//                           permission bits.
//   a symbolic link         followed (up to 40 links); the policy applies to what it names, and
//                           the link itself stays a link.
//   a character device,     written in place (/dev/null, /dev/stdout, a terminal, a pipe made
//   a FIFO                  with mkfifo): never replaced by a regular file. A FIFO nobody reads
//                           is refused after 3 s instead of blocking.
//   a directory, a block    refused.
//   device, a socket
//   a protected file        refused: the paths in OutputPolicy::protect (the store, its -wal
//                           and -shm), compared by device and inode, so a symlink or a hard link
//                           to the store is caught too; and any regular file that is an SQLite
//                           database (it starts with "SQLite format 3\0").
//
// Every failure throws citegraph::Error naming the path and the reason (strerror), and leaves
// the target as it was.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

struct OutputPolicy {
    std::vector<std::string> protect; // never written over (the store and its side files)
};

class OutputFile {
  public:
    // Opens `path` ("-" = standard output) under the policy; throws Error.
    explicit OutputFile(const std::string& path, const OutputPolicy& policy = {});
    ~OutputFile(); // without commit(): the temporary file is removed, the target untouched
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(std::string_view bytes); // throws Error (ENOSPC, EIO, EPIPE, EFBIG, ...)
    void commit();                      // flushes, closes and renames into place; throws Error

    const std::string& path() const { return path_; }

  private:
    void fail(const std::string& what, int err);

    std::string path_;   // as the user gave it (messages)
    std::string target_; // what is written: the path with symbolic links followed
    std::string temp_;   // the temporary file, empty when writing in place
    int fd_ = -1;
    bool stdout_ = false;
    bool done_ = false;
    std::vector<char> buffer_;
};

// Writes `content` to `path` under the policy in one go.
void write_output_file(const std::string& path, std::string_view content,
                       const OutputPolicy& policy = {});

} // namespace citegraph
