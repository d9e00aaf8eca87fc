#pragma once
// The per-article CSV tables of `batch --out` (columns documented in docs/csv.md). A worker thread
// formats one article's rows into strings; the writer thread appends them in input order, so no
// locks are needed and the output is deterministic whatever the thread count.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/report/outlet_stats.h"
#include "analyzer/text/document.h"

namespace framelens {

enum BatchTable { kArticlesCsv, kSentencesCsv, kLoadedTermsCsv, kQuotesCsv, kActorsCsv, kBatchTableCount };

constexpr std::array<std::string_view, kBatchTableCount> kBatchTableFiles = {
    "articles.csv", "sentences.csv", "loaded_terms.csv", "quotes.csv", "actors.csv"};

// The header row (CRLF-terminated) of a table; articles.csv ends with the `kept` input fields.
std::string batch_table_header(BatchTable t, const std::vector<std::string>& kept = {});

// The last articles.csv column, story_id (stories.h), added to a formatted row by the writer,
// which groups stories in input order; and the same as "story_id" at the end of a JSON line.
void append_story_id(std::string& row, const std::string& story_id);
void append_story_id_json(std::string& line, const std::string& story_id);

// The key that joins the tables: the record's id, or its source ("file.jsonl:12") when it has none.
std::string article_key_of(const DocMeta& meta, const std::string& source);

using ArticleRows = std::array<std::string, kBatchTableCount>;

// One articles.csv row (from figures, so `aggregate` can write it from JSON too).
// `kept`: the input fields of --keep-fields, one column each (empty when the record lacks it).
void append_article_row(std::string& out, const ArticleFigures& f, const std::string& source, bool excel_safe,
                        const std::vector<std::string>& kept = {});

// All rows of one analysed article, one string per table.
void format_article_rows(const Document& doc, const ArticleFigures& f, const std::string& source,
                         bool excel_safe, ArticleRows& rows, const std::vector<std::string>& kept = {});

// The same rows from the article's `score` JSON (what `aggregate` and the Dask runner read), equal
// byte for byte to format_article_rows on the Document that JSON came from.
void format_article_rows_from_json(const nlohmann::json& j, const ArticleFigures& f, const std::string& source,
                                   bool excel_safe, ArticleRows& rows, const std::vector<std::string>& kept = {});

}  // namespace framelens
