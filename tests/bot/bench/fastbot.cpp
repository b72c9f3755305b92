// SPDX-FileCopyrightText: 2026 Switchboard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The "fast local bot" of the bot-hop benchmark: a minimal HTTP/1.1 keep-alive responder on
// epoll, without Qt, so the server is never the bottleneck and its CPU time is not the client's.
// Every request (any method, any path) gets the same 200 JSON answer, a valid Custom Endpoint
// bot response. It listens on 127.0.0.1, an ephemeral port, prints "PORT <n>" on stdout and
// serves until its standard input closes (the parent died or closed the pipe).
//
// Usage: switchboard_fastbot [--workers N]

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <string_view>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace
{

const char s_body[] = R"({"response":[{"type":"TEXT","data":{"message":"ok"}}],"analytics":{"intents":[]}})";

std::string makeResponse()
{
    std::string r = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ";
    r += std::to_string(sizeof(s_body) - 1);
    r += "\r\nConnection: keep-alive\r\n\r\n";
    r += s_body;
    return r;
}

struct Connection
{
    std::string in;
};

void setNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
}

// Length of the first complete request in buf (headers + Content-Length body), or 0.
size_t completeRequest(const std::string &buf)
{
    const size_t end = buf.find("\r\n\r\n");
    if (end == std::string::npos) {
        return 0;
    }
    size_t length = 0;
    size_t pos = 0;
    while (pos < end) {
        const size_t eol = buf.find("\r\n", pos);
        std::string_view line(buf.data() + pos, eol - pos);
        if (line.size() > 15 && strncasecmp(line.data(), "content-length:", 15) == 0) {
            length = std::strtoul(std::string(line.substr(15)).c_str(), nullptr, 10);
        }
        pos = eol + 2;
    }
    const size_t total = end + 4 + length;
    return buf.size() >= total ? total : 0;
}

void serve(int listenFd, const std::string &response)
{
    const int ep = epoll_create1(0);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLEXCLUSIVE;
    ev.data.fd = listenFd;
    epoll_ctl(ep, EPOLL_CTL_ADD, listenFd, &ev);
    std::unordered_map<int, Connection> connections;
    std::vector<epoll_event> events(256);
    char buffer[65536];
    std::string out;
    for (;;) {
        const int n = epoll_wait(ep, events.data(), int(events.size()), -1);
        for (int i = 0; i < n; ++i) {
            const int fd = events[size_t(i)].data.fd;
            if (fd == listenFd) {
                for (;;) {
                    const int c = accept4(listenFd, nullptr, nullptr, SOCK_NONBLOCK);
                    if (c < 0) {
                        break;
                    }
                    int one = 1;
                    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    epoll_event cev{};
                    cev.events = EPOLLIN | EPOLLRDHUP;
                    cev.data.fd = c;
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                    connections[c] = Connection{};
                }
                continue;
            }
            Connection &conn = connections[fd];
            bool closed = false;
            for (;;) {
                const ssize_t r = read(fd, buffer, sizeof buffer);
                if (r > 0) {
                    conn.in.append(buffer, size_t(r));
                    continue;
                }
                if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                    closed = true;
                }
                break;
            }
            out.clear();
            while (size_t len = completeRequest(conn.in)) {
                conn.in.erase(0, len);
                out += response;
            }
            if (!out.empty()) {
                // Small answers on a local socket: one write suffices in practice; a short
                // write would only cost this benchmark server, not correctness of the client.
                size_t off = 0;
                while (off < out.size()) {
                    const ssize_t w = write(fd, out.data() + off, out.size() - off);
                    if (w <= 0) {
                        if (errno == EAGAIN) {
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    off += size_t(w);
                }
            }
            if (closed) {
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
                close(fd);
                connections.erase(fd);
            }
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    int workers = 1;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string_view(argv[i]) == "--workers") {
            workers = std::max(1, std::atoi(argv[i + 1]));
        }
    }
    std::signal(SIGPIPE, SIG_IGN);
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || listen(fd, 1024) != 0) {
        std::perror("fastbot: bind/listen");
        return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    setNonBlocking(fd);
    std::printf("PORT %d\n", int(ntohs(addr.sin_port)));
    std::fflush(stdout);

    const std::string response = makeResponse();
    for (int i = 0; i < workers; ++i) {
        std::thread([fd, response] { serve(fd, response); }).detach();
    }
    // Lives as long as the parent keeps our stdin open.
    char c;
    while (read(STDIN_FILENO, &c, 1) > 0) {
    }
    return 0;
}
