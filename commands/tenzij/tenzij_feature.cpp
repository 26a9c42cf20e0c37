#include "commands/tenzij/tenzij_feature.hpp"

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/registry.hpp"
#include "storage/tenzij/migrations.hpp"

namespace dialoog::tenzij {

struct TenzijFeature::DetectorCache {};

TenzijFeature::TenzijFeature() : cache_(std::make_unique<DetectorCache>()) {}
TenzijFeature::~TenzijFeature() = default;

std::vector<storage::Migration> TenzijFeature::migrations() const {
    return tenzij_migrations();
}
void TenzijFeature::add_texts(commands::Catalogue&) const {}
void TenzijFeature::add_commands(commands::Registry&) {}
void TenzijFeature::add_jobs(commands::JobRegistry&) {}
std::vector<config::SectionSchema> TenzijFeature::config_sections() const {
    return {};
}
void TenzijFeature::on_message(commands::MessageContext&) {}
std::string TenzijFeature::digest_section(commands::Services&, const commands::DigestRequest&) {
    return {};
}

}  // namespace dialoog::tenzij
