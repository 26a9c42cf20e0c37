#include "commands/digest/digest_feature.hpp"

#include "commands/catalogue.hpp"
#include "commands/context.hpp"
#include "commands/digest/delivery.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/overzicht_command.hpp"
#include "commands/registry.hpp"
#include "storage/digest/digest_jobs.hpp"
#include "storage/digest/migrations.hpp"

namespace dialoog::digest {

std::vector<commands::TextEntry> digest_texts();

std::vector<storage::Migration> DigestFeature::migrations() const {
    return digest_migrations();
}

void DigestFeature::add_texts(commands::Catalogue& c) const {
    c.add(digest_texts());
}

void DigestFeature::add_commands(commands::Registry& r) {
    // Member level on purpose: in a DM nobody is a "leader" by room role; the handler checks
    // the YAML leaders itself and refuses others politely.
    r.add({.name = "overzicht",
           .aliases = {"overview", "digest"},
           .where = commands::Where::Dm,
           .summary_key = "digest.cmd_summary",
           .usage_key = "digest.cmd_usage",
           .examples_key = "digest.cmd_examples",
           .handler = cmd_overzicht});
}

void DigestFeature::add_jobs(commands::JobRegistry& j) {
    j.add(kDigestJobKind, fire_digest_job);
    j.add(kPlanJobKind, fire_plan_job);
}

std::vector<config::SectionSchema> DigestFeature::config_sections() const {
    return digest_config_sections();
}

void DigestFeature::on_start(commands::Services& s) {
    plan_digest_jobs(s);
}

}  // namespace dialoog::digest
