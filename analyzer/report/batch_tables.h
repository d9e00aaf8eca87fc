#pragma once
// The per-article CSV tables of `batch --out` (columns documented in docs/csv.md). A worker thread
// formats one article's rows into strings; the writer thread appends them in input order, so no
// locks are needed and the output is deterministic whatever the thread count.
#include <array>
#include <string>
#include <string_view>

#include "analyzer/report/outlet_stats.h"
#include "analyzer/text/document.h"

namespace framelens {

enum BatchTable { kArticlesCsv, kSentencesCsv, kLoadedTermsCsv, kQuotesCsv, kActorsCsv, kBatchTableCount };

constexpr std::array<std::string_view, kBatchTableCount> kBatchTableFiles = {
    "articles.csv", "sentences.csv", "loaded_terms.csv", "quotes.csv", "actors.csv"};

// The header row (CRLF-terminated) of a table.
std::string batch_table_header(BatchTable t);

// The key that joins the tables: the record's id, or its source ("file.jsonl:12") when it has none.
std::string article_key_of(const DocMeta& meta, const std::string& source);

using ArticleRows = std::array<std::string, kBatchTableCount>;

// One articles.csv row (from figures, so `aggregate` can write it from JSON too).
void append_article_row(std::string& out, const ArticleFigures& f, const std::string& source, bool excel_safe);

// All rows of one analysed article, one string per table.
void format_article_rows(const Document& doc, const ArticleFigures& f, const std::string& source,
                         bool excel_safe, ArticleRows& rows);

}  // namespace framelens
