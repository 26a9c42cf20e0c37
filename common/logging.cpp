#include "common/logging.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <vector>

namespace dialoog {

namespace {

std::mutex g_secrets_mutex;
std::vector<std::string> g_secrets;

class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
  public:
    RedactingSink() : inner_(std::make_shared<spdlog::sinks::stderr_sink_mt>()) {}

  protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        std::string text(msg.payload.data(), msg.payload.size());
        {
            std::lock_guard lock(g_secrets_mutex);
            for (const auto& s : g_secrets) {
                std::size_t pos = 0;
                while ((pos = text.find(s, pos)) != std::string::npos) {
                    text.replace(pos, s.size(), "[REDACTED]");
                    pos += 10;
                }
            }
        }
        spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, text);
        inner_->log(copy);
    }
    void flush_() override { inner_->flush(); }
    void set_pattern_(const std::string& pattern) override { inner_->set_pattern(pattern); }
    void set_formatter_(std::unique_ptr<spdlog::formatter> f) override {
        inner_->set_formatter(std::move(f));
    }

  private:
    std::shared_ptr<spdlog::sinks::stderr_sink_mt> inner_;
};

}  // namespace

void setup_logging(std::string_view level) {
    auto sink = std::make_shared<RedactingSink>();
    auto logger = std::make_shared<spdlog::logger>("dialoogbot", sink);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    logger->set_level(spdlog::level::from_str(std::string(level)));
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

void add_log_secret(std::string secret) {
    if (secret.size() < 4) return;  // too short to be a real secret; would redact noise
    std::lock_guard lock(g_secrets_mutex);
    g_secrets.push_back(std::move(secret));
}

}  // namespace dialoog
