// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Replay driver for LLVMFuzzerTestOneInput without libFuzzer: runs every seed of a corpus
// directory, then deterministic mutations of each seed (bit flips, truncations, byte
// insertions, splices). Part of the normal test suite (label "fuzz"); a crash or an abort from an
// invariant fails it.
#include <QDir>
#include <QFile>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace
{
std::uint64_t s_state = 0x9E3779B97F4A7C15ULL;
std::uint64_t next()
{
    // splitmix64: deterministic, so a failure reproduces.
    std::uint64_t z = (s_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                           static_cast<std::size_t>(input.size()));
}
} // namespace

int main(int argc, char **argv)
{
    // fuzz_NAME_replay DIR... [MUTATIONS_PER_SEED]: seeds from every directory that exists (the
    // corpus, then the saved crashers of regressions/NAME, which may not exist yet).
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR... [MUTATIONS_PER_SEED]\n", argv[0]);
        return 2;
    }
    int perSeed = 300;
    std::vector<QByteArray> seeds;
    std::vector<QString> names;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        bool isNumber = false;
        const int number = arg.toInt(&isNumber);
        if (isNumber) {
            perSeed = number;
            continue;
        }
        const QDir dir(arg);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
                return 1;
            }
            seeds.push_back(file.readAll());
            names.push_back(file.fileName());
        }
    }
    if (seeds.empty()) {
        std::fprintf(stderr, "no seeds in %s\n", argv[1]);
        return 1;
    }
    // Each seed alone first, named, so a saved crasher that crashes again is easy to spot.
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        std::fprintf(stderr, "seed %s\n", qPrintable(names[i]));
        run(seeds[i]);
    }
    long executions = 0;
    for (const QByteArray &seed : seeds) {
        ++executions;
        for (int i = 0; i < perSeed; ++i) {
            QByteArray mutated = seed;
            switch (next() % 5) {
            case 0: // flip a few bits
                for (int flips = 1 + int(next() % 4); flips > 0 && !mutated.isEmpty(); --flips) {
                    const qsizetype at = qsizetype(next() % std::uint64_t(mutated.size()));
                    mutated[at] = char(mutated[at] ^ char(1u << (next() % 8)));
                }
                break;
            case 1: // truncate
                mutated.truncate(qsizetype(next() % std::uint64_t(mutated.size() + 1)));
                break;
            case 2: // insert structural bytes
            {
                static const char tokens[] = "{}[]\":,\\0123456789-.eE \x00\xff";
                const qsizetype at = qsizetype(next() % std::uint64_t(mutated.size() + 1));
                mutated.insert(at, tokens[next() % (sizeof tokens - 1)]);
                break;
            }
            case 3: // splice with another seed
            {
                const QByteArray &other = seeds[next() % seeds.size()];
                const qsizetype cut = qsizetype(next() % std::uint64_t(mutated.size() + 1));
                const qsizetype from = qsizetype(next() % std::uint64_t(other.size() + 1));
                mutated = mutated.left(cut) + other.mid(from);
                break;
            }
            default: // duplicate a chunk (deep nesting, long strings)
            {
                const qsizetype at = qsizetype(next() % std::uint64_t(mutated.size() + 1));
                const QByteArray chunk = mutated.mid(at, 16);
                for (int r = int(next() % 64); r > 0; --r) {
                    mutated.insert(at, chunk);
                }
                break;
            }
            }
            run(mutated);
            ++executions;
        }
    }
    std::printf("fuzz_replay: %zu seeds, %ld executions, no crash\n", seeds.size(), executions);
    return 0;
}
