#pragma once

// The compiled form of a template: a tree the renderer walks without re-reading the
// source. Internal to the engine. Every node and expression keeps the offset of its
// source text for error positions; names keep their hash for fast object lookups.

#include "core/liquid/filters.h"
#include "core/liquid/template.h"
#include "core/liquid/value.h"

#include <QString>

#include <optional>
#include <vector>

namespace LoyaltyDesk::Core::Liquid {

struct Name {
    QString text;
    size_t hash = 0;
    explicit Name(QString t = {}) : text(std::move(t)), hash(qHash(text)) {}
};

enum class CompareOp : quint8 { Eq, Ne, Lt, Gt, Le, Ge, Contains };

struct Expr {
    enum class Kind : quint8 { Literal, Empty, Blank, Variable, Range, Compare, And, Or };
    struct Segment {
        enum class Kind : quint8 { Key, Index, Dynamic };
        Kind kind = Kind::Key;
        Name key;                 // Key
        qint64 index = 0;         // Index; the child expression for Dynamic
    };

    Kind kind = Kind::Literal;
    CompareOp op = CompareOp::Eq;
    bool forloop = false;         // Variable rooted at `forloop`
    int offset = 0;
    Value literal;                // Literal
    Name root;                    // Variable
    std::vector<Segment> path;    // Variable
    std::vector<Expr> children;   // Range: from, to; Compare/And/Or: lhs, rhs; Dynamic segments' keys

    QString describe() const;     // "customer.name" for messages
};

struct FilterCall {
    const FilterDef *def = nullptr;  // nullptr: unknown filter (an error in strict mode)
    QString name;
    int offset = 0;
    std::vector<Expr> args;
};

// An expression and its filters: `{{ base | f: a, b | g }}`.
struct Pipeline {
    Expr base;
    std::vector<FilterCall> filters;
    bool raw() const { return !filters.empty() && filters.back().name == QLatin1String("raw"); }
};

struct Node;
using Block = std::vector<Node>;

struct Branch {
    std::vector<Expr> conditions;  // if/elsif/unless: one; when: the values
    bool negate = false;           // unless
    Block body;
};

struct Node {
    enum class Kind : quint8 { Text, Output, If, Case, For, Assign, Capture, Break, Continue };
    Kind kind = Kind::Text;
    bool reversed = false;         // For
    int offset = 0;
    QString text;                  // Text
    Name name;                     // For's variable, Assign, Capture
    Pipeline pipeline;             // Output, Assign; Case's subject; For's collection (base)
    std::optional<Expr> limit;     // For
    std::optional<Expr> skip;      // For: offset
    std::vector<Branch> branches;  // If, Case
    Block body;                    // For, Capture
    Block elseBody;                // If, Case, For
};

// A filter named in the template that is not known, found while parsing.
struct UnknownFilter {
    QString name;
    int offset = 0;
};

struct Template::Compiled {
    QString source;
    Block root;
    std::vector<UnknownFilter> unknownFilters;
    qsizetype outputHint = 0;  // a starting capacity for the output
};

// 1-based line and column (in UTF-16 units) of an offset into the source.
Diagnostic diagnosticAt(const QString &source, int offset, const QString &message);
Error errorAt(const QString &source, int offset, const QString &message);

}  // namespace LoyaltyDesk::Core::Liquid
