#pragma once

namespace LoyaltyDesk::Server {

// Makes the process's default SQLite VFS one that gathers the frames a transaction
// appends to a write-ahead log in memory and hands them to the file in large writes,
// instead of two small writes (a 24-byte frame header, then the page) per page.
//
// The frames reach the file before the commit can become visible: a commit frame's
// header says so (its "database size after commit" field is not zero), and the write of
// its page flushes everything gathered, so an error still fails that write, and with it
// the transaction. Any other write, read, sync, truncation or size query on the log
// flushes first and then goes to the file as before. Files other than logs are opened
// by the real VFS itself, untouched.
//
// Call before SQLite opens its first connection in the process; later calls do nothing.
// Returns false (and changes nothing) if SQLite has no default VFS.
bool installWalWriteBuffer();

// Counts since the process started, over every log: frames gathered, and writes that
// handed gathered frames to a file.
struct WalBufferCounts {
    long long frames = 0;
    long long writes = 0;
};
WalBufferCounts walBufferCounts();

}  // namespace LoyaltyDesk::Server
