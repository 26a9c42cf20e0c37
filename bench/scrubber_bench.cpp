// Throughput of the inbreng scrubber on mixed Dutch text (target: >= 20 MB/s per core).
// The text is generated here: caseworker-style sentences, some with personal data, most without.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "lib/pii/scrubber.hpp"

namespace {

using dialoog::pii::Scrubber;

// Deterministic text of about `bytes` bytes; a fixed LCG keeps runs comparable.
std::string mixed_dutch_text(std::size_t bytes) {
    static constexpr std::array<std::string_view, 24> kPlain{
        "De cliënt vertelde dat ze zich niet gehoord voelt door de consulent. ",
        "Het gesprek ging over de re-integratie en de mogelijkheden voor werk. ",
        "Volgens de gemeente Amsterdam kan het niet, tenzij er budget is. ",
        "Hij heeft al twee jaar geen contact gehad met zijn werkcoach. ",
        "In week 12 waren er 3 gesprekken met de klantmanager over de Participatiewet. ",
        "Ze kreeg 1000 mg paracetamol en kon drie dagen niet werken. ",
        "Het traject kostte € 1.250,00 aan begeleiding en duurde 45 minuten per keer. ",
        "De Wajong-uitkering werd na een herbeoordeling door het UWV verlaagd. ",
        "Clienten ervaren de regels als ingewikkeld en de wachttijden als lang. ",
        "De leidinggevende wilde de werkvoorziening niet toekennen zonder gesprek. ",
        "Tijdens de intake bleek dat er schulden waren en dat de huur achterliep. ",
        "Er is behoefte aan meer tijd in de spreekkamer en minder formulieren. ",
        "Statushouders lopen vaak tegen taal en erkenning van diploma's aan. ",
        "De cliëntenraad sprak op 14 november met de wethouder over de bijstand. ",
        "Werkgevers durven mensen met een arbeidsbeperking nog te weinig aan te nemen. ",
        "Het gesprek om 14.00 uur werd verplaatst omdat de tolk niet kon komen. ",
        "Een proefplaatsing van drie maanden leverde uiteindelijk een vaste baan op. ",
        "Sinds 2021 is het aantal aanvragen voor schuldhulpverlening gestegen. ",
        "Mantelzorg combineren met een baan blijkt voor velen zwaar. ",
        "De jobcoach ging mee naar het sollicitatiegesprek bij de supermarkt. ",
        "Ze mocht van het Werkplein geen opleiding volgen met behoud van uitkering. ",
        "Door de kostendelersnorm ging haar inkomen er flink op achteruit. ",
        "Hij voelde zich gewantrouwd toen de handhaver onaangekondigd langskwam. ",
        "Na de reorganisatie wist niemand meer wie zijn vaste contactpersoon was. "};
    static constexpr std::array<std::string_view, 14> kPii{
        "Mevrouw Jansen woont in Zwolle en haar BSN is 908301662. ",
        "Bel de heer P. de Vries op 06-12345678 of mail s.demir84@gmail.com. ",
        "Het adres is Kerkstraat 12, 3512 AB Utrecht. ",
        "De uitkering gaat naar NL91 ABNA 0417 1643 00 sinds januari 2022. ",
        "Ik sprak Mohammed El Amrani (43) over zijn traject. ",
        "Geboren op 12-03-1985 in Deventer, nu 38 jaar. ",
        "Dossiernummer 48213377 staat op https://mijnsite.nl/dossier/8812. ",
        "Haar zoon Daan heeft autisme en werkte bij de Jumbo. ",
        "Mw. Yılmaz komt oorspronkelijk uit Eritrea. ",
        "Contact via +31 6 2345 6789 of 020 123 4567. ",
        "Fatima vertelde dat haar consulent niet luisterde. ",
        "Zijn kenmerk is ABC/2023/00123 en de postcode 1071XY. ",
        "Zij woont aan de Laan van Meerdervoort 123-III in Den Haag. ",
        "Een 45-jarige vrouw uit Almere vertelde over haar schulden. "};
    std::string text;
    text.reserve(bytes + 256);
    std::uint32_t state = 12345;
    while (text.size() < bytes) {
        state = state * 1664525u + 1013904223u;
        const std::uint32_t r = state >> 8;
        if (r % 5 == 0) {
            text.append(kPii[(r / 5) % kPii.size()]);
        } else {
            text.append(kPlain[(r / 5) % kPlain.size()]);
        }
        if (r % 7 == 0) text.push_back('\n');
    }
    return text;
}

const Scrubber& bench_scrubber() {
    static const Scrubber instance;
    return instance;
}

// One large text, as a batch import would send.
void BM_ScrubMixedDutch(benchmark::State& state) {
    const std::string text = mixed_dutch_text(static_cast<std::size_t>(state.range(0)));
    const Scrubber& s = bench_scrubber();
    for (auto _ : state) {
        auto result = s.scrub(text);
        benchmark::DoNotOptimize(result.text.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScrubMixedDutch)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

// Chat-sized messages, one scrub() call each, as the bot receives them.
void BM_ScrubMessages(benchmark::State& state) {
    const std::string text = mixed_dutch_text(1 << 20);
    std::vector<std::string_view> lines;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t eol = text.find('\n', from);
        if (eol == std::string::npos) eol = text.size();
        lines.emplace_back(text.data() + from, eol - from);
        from = eol + 1;
    }
    const Scrubber& s = bench_scrubber();
    for (auto _ : state) {
        for (std::string_view line : lines) {
            auto result = s.scrub(line);
            benchmark::DoNotOptimize(result.text.data());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScrubMessages)->Unit(benchmark::kMillisecond);

// Loading the word list: paid once per process.
void BM_LoadDictionary(benchmark::State& state) {
    for (auto _ : state) {
        Scrubber s;
        benchmark::DoNotOptimize(s.has_dictionary());
    }
}
BENCHMARK(BM_LoadDictionary)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
