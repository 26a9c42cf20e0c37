#include "commands/inbreng/inbreng_cli.hpp"

#include <sys/stat.h>

#include <istream>
#include <ostream>

#include "commands/inbreng/anonymiser.hpp"
#include "commands/inbreng/intake_config.hpp"
#include "storage/database.hpp"
#include "storage/inbreng/inputs.hpp"
#include "storage/migrations.hpp"

namespace dialoog::inbreng {

int run_scrub_cli(std::istream& in, std::ostream& out, const config::Config* cfg_or_null) {
    std::vector<std::string> keep;
    if (cfg_or_null) keep = cfg_or_null->section(kIntakeSection).keep_words;
    pii::scrub_stream(*shared_scrubber(keep), in, out);
    out.flush();
    return 0;
}

int run_inbreng_export_cli(const config::Config& cfg, const std::string& team, std::ostream& out,
                           std::ostream& err) {
    if (!cfg.team_by_name(team)) {
        std::string names;
        for (const auto& t : cfg.teams) names += (names.empty() ? "" : ", ") + t.name;
        err << "inbreng-export: unknown team \"" << team << "\" (teams: " << names << ")\n";
        return 1;
    }
    std::vector<Input> inputs;
    struct stat st {};
    if (cfg.storage != ":memory:" && ::stat(cfg.storage.c_str(), &st) != 0) {
        // Opening would create an empty database; say what is wrong instead.
        err << "inbreng-export: database " << cfg.storage << " does not exist\n";
        return 1;
    }
    try {
        storage::Database db(cfg.storage);
        if (storage::schema_version(db, "inbreng") == 0) {
            err << "inbreng-export: no client input stored yet in " << cfg.storage
                << " (has the bot run with this database?)\n";
            return 1;
        }
        inputs = Inputs(db).all_of_team(team);
    } catch (const std::exception& e) {
        err << "inbreng-export: cannot read " << cfg.storage << ": " << e.what() << "\n";
        return 1;
    }
    out << "id,week,themes,text\r\n";
    for (const auto& in : inputs) {
        std::string tags;
        for (const auto& t : in.tags) tags += (tags.empty() ? "" : " ") + t;
        out << in.id << ',' << csv_field(in.week) << ',' << csv_field(tags) << ','
            << csv_field(in.text) << "\r\n";
    }
    out.flush();
    return 0;
}

}  // namespace dialoog::inbreng
