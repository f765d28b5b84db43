#include "walbuffer.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace LoyaltyDesk::Server {

namespace {

// Enough for a batch of receipts' frames in a few writes; one per open log.
constexpr int kCapacity = 4 << 20;
// A frame starts with a header of this size (https://www.sqlite.org/fileformat2.html#walformat).
constexpr int kFrameHeader = 24;
constexpr int kLargestFrame = kFrameHeader + 65536;  // SQLite's largest page
// The unix VFS writes at most 128 KiB - 1 per call (it masks larger sizes).
constexpr int kLargestWrite = 124 << 10;

sqlite3_vfs *g_real = nullptr;
sqlite3_vfs g_vfs;
std::atomic<long long> g_frames{0}, g_writes{0};

struct WalFile {
    sqlite3_file base;
    sqlite3_file *real;   // the real VFS's file, in the same allocation, after this struct
    char *data;           // gathered frames, written at `start`
    sqlite3_int64 start;
    int used;
    bool expectPage;      // a frame header was gathered; its page comes next
    bool commitFrame;     // ... and it ends a transaction
};

const sqlite3_io_methods *realMethods(WalFile *f) { return f->real->pMethods; }

int flush(WalFile *f)
{
    int rc = SQLITE_OK;
    for (int at = 0; at < f->used && rc == SQLITE_OK; at += kLargestWrite) {
        rc = realMethods(f)->xWrite(f->real, f->data + at, std::min(kLargestWrite, f->used - at), f->start + at);
        g_writes.fetch_add(1, std::memory_order_relaxed);
    }
    f->used = 0;
    return rc;
}

// Appends to what is gathered, if the write continues it and fits.
bool gather(WalFile *f, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (f->used > 0 && (offset != f->start + f->used || f->used + amount > kCapacity)) return false;
    if (amount > kCapacity) return false;
    if (!f->data) {
        f->data = static_cast<char *>(std::malloc(kCapacity));
        if (!f->data) return false;
    }
    if (f->used == 0) f->start = offset;
    std::memcpy(f->data + f->used, buffer, size_t(amount));
    f->used += amount;
    return true;
}

int walClose(sqlite3_file *file)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    const int flushed = flush(f);
    const int closed = realMethods(f)->xClose(f->real);
    std::free(f->data);
    f->data = nullptr;
    return flushed != SQLITE_OK ? flushed : closed;
}

int walRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    if (f->used > 0 && offset < f->start + f->used && offset + amount > f->start) {
        if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    }
    return realMethods(f)->xRead(f->real, buffer, amount, offset);
}

int walWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    // A frame whose header and page do not both fit goes after what is gathered.
    if (amount == kFrameHeader && !f->expectPage && f->used + kLargestFrame > kCapacity) {
        if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    }
    if (amount == kFrameHeader && !f->expectPage) {
        const auto *b = static_cast<const unsigned char *>(buffer);
        const bool commit = (b[4] | b[5] | b[6] | b[7]) != 0;  // the database's size after a commit, else zero
        if (gather(f, buffer, amount, offset)) {
            g_frames.fetch_add(1, std::memory_order_relaxed);
            f->expectPage = true;
            f->commitFrame = commit;
            return SQLITE_OK;
        }
    } else if (f->expectPage && gather(f, buffer, amount, offset)) {
        f->expectPage = false;
        if (!f->commitFrame) return SQLITE_OK;
        f->commitFrame = false;
        return flush(f);  // the transaction's frames are all in the file before it commits
    }
    // Anything else (the log's own header, a frame written again in place, a full
    // buffer) goes to the file at once, after what was gathered before it.
    f->expectPage = f->commitFrame = false;
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    return realMethods(f)->xWrite(f->real, buffer, amount, offset);
}

int walTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    return realMethods(f)->xTruncate(f->real, size);
}

int walSync(sqlite3_file *file, int flags)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    return realMethods(f)->xSync(f->real, flags);
}

int walFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    return realMethods(f)->xFileSize(f->real, size);
}

int walLock(sqlite3_file *file, int level)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    return realMethods(f)->xLock(f->real, level);
}

int walUnlock(sqlite3_file *file, int level)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    return realMethods(f)->xUnlock(f->real, level);
}

int walCheckReservedLock(sqlite3_file *file, int *out)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    return realMethods(f)->xCheckReservedLock(f->real, out);
}

int walFileControl(sqlite3_file *file, int op, void *arg)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    return realMethods(f)->xFileControl(f->real, op, arg);
}

int walSectorSize(sqlite3_file *file)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    return realMethods(f)->xSectorSize(f->real);
}

int walDeviceCharacteristics(sqlite3_file *file)
{
    auto *f = reinterpret_cast<WalFile *>(file);
    return realMethods(f)->xDeviceCharacteristics(f->real);
}

// Version 1: SQLite maps shared memory and pages through the database file, never the log.
const sqlite3_io_methods g_walMethods = {
    1,          walClose,      walRead,       walWrite,       walTruncate,       walSync, walFileSize, walLock, walUnlock,
    walCheckReservedLock, walFileControl, walSectorSize, walDeviceCharacteristics,
    nullptr,    nullptr,       nullptr,       nullptr,        nullptr,           nullptr,
};

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    if (!(flags & SQLITE_OPEN_WAL)) return g_real->xOpen(g_real, name, file, flags, outFlags);
    auto *f = reinterpret_cast<WalFile *>(file);
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    f->data = nullptr;
    f->start = 0;
    f->used = 0;
    f->expectPage = f->commitFrame = false;
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    // SQLite closes a file whose open failed only if its methods are set.
    f->base.pMethods = rc == SQLITE_OK ? &g_walMethods : nullptr;
    if (rc != SQLITE_OK && f->real->pMethods) f->real->pMethods->xClose(f->real);
    return rc;
}

}  // namespace

bool installWalWriteBuffer()
{
    static bool installed = false;
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (!g_real) return;
        g_vfs = *g_real;  // every other method is the real VFS's own, with its own data
        g_vfs.zName = "loyaltydesk-walbuffer";
        g_vfs.pNext = nullptr;
        static_assert(sizeof(WalFile) % 8 == 0, "the real file after it must stay aligned");
        g_vfs.szOsFile = int(sizeof(WalFile)) + g_real->szOsFile;
        g_vfs.xOpen = vfsOpen;
        installed = sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK;
    });
    return installed;
}

WalBufferCounts walBufferCounts()
{
    return {g_frames.load(std::memory_order_relaxed), g_writes.load(std::memory_order_relaxed)};
}

}  // namespace LoyaltyDesk::Server
