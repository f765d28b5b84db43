// Source -> compiled tree. Two stages: the template is cut into text, output and tag
// tokens (with whitespace control applied), then tags and expressions are parsed
// by recursive descent into the nodes of ast.h.

#include "core/liquid/ast.h"

#include <QStringView>

namespace LoyaltyDesk::Core::Liquid {

namespace {

struct Token {
    enum class Kind : quint8 { Text, Output, Tag };
    Kind kind = Kind::Text;
    int offset = 0;         // of the token in the source
    QString text;           // Text
    QStringView markup;     // Output, Tag: the inside, without delimiters and name
    int markupOffset = 0;
    QStringView name;       // Tag
    bool trimLeft = false;
    bool trimRight = false;
};

enum class Tk : quint8 {
    End, Ident, Number, String, Dot, DotDot, LBracket, RBracket, LParen, RParen, Pipe, Colon, Comma, Compare, Equals,
};

struct ExprToken {
    Tk type = Tk::End;
    int pos = 0;  // offset in the source
    QStringView text;
    Value value;  // Number, String
    CompareOp op = CompareOp::Eq;
};

bool isIdentStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isIdentChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'); }

bool isForbiddenTag(QStringView name)
{
    for (const char *t : {"include", "render", "layout", "block", "section", "sections"})
        if (name == QLatin1String(t)) return true;
    return false;
}

}  // namespace

Diagnostic diagnosticAt(const QString &source, int offset, const QString &message)
{
    int line = 1, column = 1;
    const int end = std::min<int>(offset, int(source.size()));
    for (int i = 0; i < end; ++i) {
        if (source.at(i) == QLatin1Char('\n')) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return Diagnostic{line, column, message};
}

Error errorAt(const QString &source, int offset, const QString &message)
{
    const Diagnostic d = diagnosticAt(source, offset, message);
    Error e = Error::validation(QStringLiteral("%1:%2").arg(d.line).arg(d.column), d.toString());
    e.fields.first().message = message;
    e.type = QStringLiteral("liquid");
    return e;
}

QString Diagnostic::toString() const
{
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

std::optional<Diagnostic> diagnosticOf(const Error &error)
{
    if (error.type != QLatin1String("liquid") || error.fields.size() != 1) return std::nullopt;
    const QStringList parts = error.fields.first().field.split(QLatin1Char(':'));
    if (parts.size() != 2) return std::nullopt;
    return Diagnostic{parts[0].toInt(), parts[1].toInt(), error.fields.first().message};
}

QString Expr::describe() const
{
    QString s = root.text;
    for (const Segment &seg : path) {
        if (seg.kind == Segment::Kind::Key)
            s += QLatin1Char('.') + seg.key.text;
        else if (seg.kind == Segment::Kind::Index)
            s += QLatin1Char('[') + QString::number(seg.index) + QLatin1Char(']');
        else
            s += QStringLiteral("[…]");
    }
    return s;
}

class Parser final {
public:
    Parser(const QString &source, const ParseOptions &options) : m_source(source), m_options(options) {}

    Result<Template> run()
    {
        auto compiled = std::make_shared<Template::Compiled>();
        compiled->source = m_source;
        if (m_source.size() > m_options.limits.maxTemplateSize) {
            return errorAt(m_source, 0,
                           QStringLiteral("the template is %1 characters long; the limit is %2")
                               .arg(m_source.size())
                               .arg(m_options.limits.maxTemplateSize));
        }
        // Parse from the compiled copy of the source, so every view points into memory the template owns.
        m_text = QStringView(compiled->source);
        if (!tokenize()) return *m_error;
        QStringView stop;
        compiled->root = parseBlock({}, &stop);
        if (m_error) return *m_error;
        compiled->unknownFilters = std::move(m_unknownFilters);
        compiled->outputHint = m_source.size() + m_source.size() / 2;
        return Template(std::move(compiled));
    }

private:
    // ---- stage 1: tokens ----

    bool fail(int offset, const QString &message)
    {
        if (!m_error) m_error = errorAt(m_source, offset, message);
        return false;
    }

    // Index of `close` at or after `from`, skipping quoted strings; -1 when absent.
    qsizetype findClose(qsizetype from, QLatin1StringView close) const
    {
        QChar quote;
        for (qsizetype i = from; i < m_text.size(); ++i) {
            const QChar c = m_text[i];
            if (!quote.isNull()) {
                if (c == quote) quote = QChar();
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                quote = c;
            } else if (m_text.mid(i).startsWith(close)) {
                return i;
            }
        }
        // An unbalanced quote must not hide the delimiter: retry without quote tracking.
        const qsizetype plain = m_text.indexOf(close, from);
        return plain;
    }

    // Finds `{% endNAME %}` (with optional dashes) after `from`, counting nested `{% NAME %}`
    // when `nests`. Sets the tag's start and end offsets.
    bool findEndTag(qsizetype from, QLatin1StringView name, bool nests, qsizetype *tagStart, qsizetype *tagEnd,
                    bool *trimLeft)
    {
        int depth = 0;
        qsizetype i = from;
        while ((i = m_text.indexOf(QLatin1String("{%"), i)) >= 0) {
            qsizetype j = i + 2;
            const bool tl = j < m_text.size() && m_text[j] == QLatin1Char('-');
            if (tl) ++j;
            while (j < m_text.size() && m_text[j].isSpace()) ++j;
            qsizetype k = j;
            while (k < m_text.size() && isIdentChar(m_text[k])) ++k;
            const QStringView word = m_text.mid(j, k - j);
            const qsizetype close = m_text.indexOf(QLatin1String("%}"), k);
            if (close < 0) break;
            if (nests && word == name) {
                ++depth;
            } else if (word.startsWith(QLatin1String("end")) && word.mid(3) == name) {
                if (depth == 0) {
                    *tagStart = i;
                    *tagEnd = close + 2;
                    *trimLeft = tl;
                    return true;
                }
                --depth;
            }
            i = close + 2;
        }
        return false;
    }

    bool tokenize()
    {
        qsizetype pos = 0;
        const qsizetype n = m_text.size();
        bool trimNext = false;
        auto addText = [&](qsizetype from, qsizetype to, bool trimLeftOfNext) {
            QStringView t = m_text.mid(from, to - from);
            if (trimNext) {
                qsizetype a = 0;
                while (a < t.size() && t[a].isSpace()) ++a;
                t = t.mid(a);
            }
            if (trimLeftOfNext) {
                qsizetype b = t.size();
                while (b > 0 && t[b - 1].isSpace()) --b;
                t = t.left(b);
            }
            trimNext = false;
            if (!t.isEmpty()) {
                Token tok;
                tok.kind = Token::Kind::Text;
                tok.offset = int(from);
                tok.text = t.toString();
                m_tokens.push_back(std::move(tok));
            }
        };
        while (pos < n) {
            qsizetype open = pos;
            while (true) {
                open = m_text.indexOf(QLatin1Char('{'), open);
                if (open < 0 || open + 1 >= n) {
                    open = -1;
                    break;
                }
                const QChar next = m_text[open + 1];
                if (next == QLatin1Char('{') || next == QLatin1Char('%')) break;
                ++open;
            }
            if (open < 0) {
                addText(pos, n, false);
                break;
            }
            const bool isOutput = m_text[open + 1] == QLatin1Char('{');
            const bool trimLeft = open + 2 < n && m_text[open + 2] == QLatin1Char('-');
            addText(pos, open, trimLeft);
            const QLatin1StringView closer = isOutput ? QLatin1StringView("}}") : QLatin1StringView("%}");
            const qsizetype close = findClose(open + 2, closer);
            if (close < 0) {
                return fail(int(open), isOutput ? QStringLiteral("“{{” is never closed with “}}”")
                                                : QStringLiteral("“{%” is never closed with “%}”"));
            }
            qsizetype innerStart = open + 2 + (trimLeft ? 1 : 0);
            qsizetype innerEnd = close;
            const bool trimRight = innerEnd > innerStart && m_text[innerEnd - 1] == QLatin1Char('-');
            if (trimRight) --innerEnd;
            Token tok;
            tok.kind = isOutput ? Token::Kind::Output : Token::Kind::Tag;
            tok.offset = int(open);
            tok.trimLeft = trimLeft;
            tok.trimRight = trimRight;
            qsizetype a = innerStart;
            while (a < innerEnd && m_text[a].isSpace()) ++a;
            pos = close + 2;
            if (!isOutput) {
                qsizetype b = a;
                if (b < innerEnd && m_text[b] == QLatin1Char('#')) {
                    ++b;  // inline comment
                } else {
                    while (b < innerEnd && isIdentChar(m_text[b])) ++b;
                }
                tok.name = m_text.mid(a, b - a);
                if (tok.name.isEmpty()) return fail(int(open), QStringLiteral("a tag “{% %}” needs a name"));
                a = b;
                while (a < innerEnd && m_text[a].isSpace()) ++a;
                if (tok.name == QLatin1String("#")) {
                    trimNext = trimRight;
                    continue;
                }
                if (tok.name == QLatin1String("raw") || tok.name == QLatin1String("comment")) {
                    const bool isRaw = tok.name == QLatin1String("raw");
                    qsizetype endStart = 0, endEnd = 0;
                    bool endTrimLeft = false;
                    if (!findEndTag(pos, isRaw ? QLatin1StringView("raw") : QLatin1StringView("comment"), !isRaw,
                                    &endStart, &endEnd, &endTrimLeft)) {
                        return fail(int(open), QStringLiteral("“%1” is never closed with “end%1”").arg(tok.name));
                    }
                    trimNext = trimRight;
                    if (isRaw) addText(pos, endStart, endTrimLeft);
                    trimNext = endEnd >= 3 && m_text[endEnd - 3] == QLatin1Char('-');
                    pos = endEnd;
                    continue;
                }
            }
            tok.markup = m_text.mid(a, innerEnd - a);
            tok.markupOffset = int(a);
            m_tokens.push_back(std::move(tok));
            trimNext = trimRight;
        }
        return true;
    }

    // ---- stage 2: expressions ----

    bool lexExpr(QStringView markup, int base, std::vector<ExprToken> &out)
    {
        out.clear();
        qsizetype i = 0;
        const qsizetype n = markup.size();
        while (i < n) {
            const QChar c = markup[i];
            if (c.isSpace()) {
                ++i;
                continue;
            }
            ExprToken t;
            t.pos = base + int(i);
            const qsizetype start = i;
            auto ch = [&](qsizetype k) { return k < n ? markup[k] : QChar(); };
            if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                QString s;
                ++i;
                while (i < n && markup[i] != c) {
                    if (markup[i] == QLatin1Char('\\') && i + 1 < n) {
                        const QChar e = markup[++i];
                        if (e == QLatin1Char('n')) s += QLatin1Char('\n');
                        else if (e == QLatin1Char('t')) s += QLatin1Char('\t');
                        else if (e == QLatin1Char('r')) s += QLatin1Char('\r');
                        else s += e;
                    } else {
                        s += markup[i];
                    }
                    ++i;
                }
                if (i >= n) return fail(t.pos, QStringLiteral("a string is not closed"));
                ++i;
                t.type = Tk::String;
                t.value = std::move(s);
            } else if (c.isDigit() || (c == QLatin1Char('-') && ch(i + 1).isDigit())) {
                ++i;
                while (ch(i).isDigit()) ++i;
                bool isFloat = false;
                if (ch(i) == QLatin1Char('.') && ch(i + 1).isDigit()) {
                    isFloat = true;
                    ++i;
                    while (ch(i).isDigit()) ++i;
                }
                t.type = Tk::Number;
                const QStringView num = markup.mid(start, i - start);
                bool ok = false;
                if (!isFloat) {
                    const qint64 v = num.toLongLong(&ok);
                    if (ok) t.value = v;
                }
                if (!ok) t.value = num.toDouble();
            } else if (isIdentStart(c)) {
                while (isIdentChar(ch(i))) ++i;
                if (ch(i) == QLatin1Char('?')) ++i;
                t.type = Tk::Ident;
                const QStringView w = markup.mid(start, i - start);
                if (w == QLatin1String("contains")) {
                    t.type = Tk::Compare;
                    t.op = CompareOp::Contains;
                }
            } else if (c == QLatin1Char('.')) {
                t.type = ch(i + 1) == QLatin1Char('.') ? Tk::DotDot : Tk::Dot;
                i += t.type == Tk::DotDot ? 2 : 1;
            } else if (c == QLatin1Char('=') && ch(i + 1) == QLatin1Char('=')) {
                t.type = Tk::Compare, t.op = CompareOp::Eq, i += 2;
            } else if (c == QLatin1Char('!') && ch(i + 1) == QLatin1Char('=')) {
                t.type = Tk::Compare, t.op = CompareOp::Ne, i += 2;
            } else if (c == QLatin1Char('<') && ch(i + 1) == QLatin1Char('>')) {
                t.type = Tk::Compare, t.op = CompareOp::Ne, i += 2;
            } else if (c == QLatin1Char('<') || c == QLatin1Char('>')) {
                const bool eq = ch(i + 1) == QLatin1Char('=');
                t.type = Tk::Compare;
                t.op = c == QLatin1Char('<') ? (eq ? CompareOp::Le : CompareOp::Lt) : (eq ? CompareOp::Ge : CompareOp::Gt);
                i += eq ? 2 : 1;
            } else {
                static constexpr std::pair<char, Tk> kSingles[] = {
                    {'[', Tk::LBracket}, {']', Tk::RBracket}, {'(', Tk::LParen}, {')', Tk::RParen}, {'|', Tk::Pipe},
                    {':', Tk::Colon},    {',', Tk::Comma},    {'=', Tk::Equals},
                };
                bool found = false;
                for (const auto &[sc, type] : kSingles) {
                    if (c == QLatin1Char(sc)) {
                        t.type = type;
                        found = true;
                        ++i;
                        break;
                    }
                }
                if (!found) return fail(t.pos, QStringLiteral("unexpected character “%1”").arg(c));
            }
            t.text = markup.mid(start, i - start);
            out.push_back(std::move(t));
        }
        ExprToken end;
        end.type = Tk::End;
        end.pos = base + int(n);
        out.push_back(std::move(end));
        return true;
    }

    const ExprToken &peek() const { return m_toks[m_at]; }
    const ExprToken &take() { return m_toks[m_at < m_toks.size() - 1 ? m_at++ : m_at]; }
    bool isWord(const ExprToken &t, const char *w) const { return t.type == Tk::Ident && t.text == QLatin1String(w); }

    bool expect(Tk type, const QString &what)
    {
        if (peek().type != type) return unexpected(what);
        take();
        return true;
    }

    bool unexpected(const QString &expected)
    {
        const ExprToken &t = peek();
        if (t.type == Tk::End) return fail(t.pos, QStringLiteral("expected %1 but the tag ends").arg(expected));
        return fail(t.pos, QStringLiteral("expected %1 but found “%2”").arg(expected, t.text.toString()));
    }

    bool parsePrimary(Expr &e)
    {
        const ExprToken &t = peek();
        e.offset = t.pos;
        switch (t.type) {
        case Tk::String:
        case Tk::Number:
            e.kind = Expr::Kind::Literal;
            e.literal = take().value;
            return true;
        case Tk::LParen: {
            take();
            e.kind = Expr::Kind::Range;
            e.children.resize(2);
            if (!parsePrimary(e.children[0])) return false;
            if (!expect(Tk::DotDot, QStringLiteral("“..” in a range"))) return false;
            if (!parsePrimary(e.children[1])) return false;
            return expect(Tk::RParen, QStringLiteral("“)” closing the range"));
        }
        case Tk::Ident: {
            const QStringView w = t.text;
            if (w == QLatin1String("true") || w == QLatin1String("false")) {
                e.kind = Expr::Kind::Literal;
                e.literal = w == QLatin1String("true");
                take();
                return true;
            }
            if (w == QLatin1String("nil") || w == QLatin1String("null")) {
                e.kind = Expr::Kind::Literal;
                take();
                return true;
            }
            if (w == QLatin1String("empty") || w == QLatin1String("blank")) {
                e.kind = w == QLatin1String("empty") ? Expr::Kind::Empty : Expr::Kind::Blank;
                take();
                return true;
            }
            e.kind = Expr::Kind::Variable;
            e.root = Name(take().text.toString());
            e.forloop = e.root.text == QLatin1String("forloop");
            return parsePath(e);
        }
        case Tk::LBracket: {
            e.kind = Expr::Kind::Variable;
            take();
            Expr key;
            if (!parsePrimary(key)) return false;
            if (!expect(Tk::RBracket, QStringLiteral("“]”"))) return false;
            if (key.kind != Expr::Kind::Literal || !key.literal.isString())
                return fail(e.offset, QStringLiteral("a variable name in brackets must be a quoted string"));
            e.root = Name(key.literal.string());
            return parsePath(e);
        }
        default:
            return unexpected(QStringLiteral("a value"));
        }
    }

    bool parsePath(Expr &e)
    {
        while (true) {
            if (peek().type == Tk::Dot) {
                take();
                if (peek().type != Tk::Ident && peek().type != Tk::Number)
                    return unexpected(QStringLiteral("a property name after “.”"));
                Expr::Segment seg;
                seg.kind = Expr::Segment::Kind::Key;
                seg.key = Name(take().text.toString());
                e.path.push_back(std::move(seg));
            } else if (peek().type == Tk::LBracket) {
                take();
                Expr key;
                if (!parsePrimary(key)) return false;
                if (!expect(Tk::RBracket, QStringLiteral("“]”"))) return false;
                Expr::Segment seg;
                if (key.kind == Expr::Kind::Literal && key.literal.isInt()) {
                    seg.kind = Expr::Segment::Kind::Index;
                    seg.index = key.literal.toInt();
                } else if (key.kind == Expr::Kind::Literal && key.literal.isString()) {
                    seg.kind = Expr::Segment::Kind::Key;
                    seg.key = Name(key.literal.string());
                } else {
                    seg.kind = Expr::Segment::Kind::Dynamic;
                    seg.index = qint64(e.children.size());
                    e.children.push_back(std::move(key));
                }
                e.path.push_back(std::move(seg));
            } else {
                return true;
            }
        }
    }

    // Liquid evaluates and/or from the right: `a or b and c` is `a or (b and c)`.
    bool parseCondition(Expr &e)
    {
        Expr lhs;
        if (!parseComparison(lhs)) return false;
        if (isWord(peek(), "and") || isWord(peek(), "or"))
            return parseCondition(binary(e, std::move(lhs), isWord(take(), "and") ? Expr::Kind::And : Expr::Kind::Or));
        e = std::move(lhs);
        return true;
    }

    // Makes `e` a binary expression with `lhs` on the left; returns its right-hand slot.
    static Expr &binary(Expr &e, Expr lhs, Expr::Kind kind)
    {
        e.offset = lhs.offset;
        e.kind = kind;
        e.children.resize(2);
        e.children[0] = std::move(lhs);
        return e.children[1];
    }

    bool parseComparison(Expr &e)
    {
        Expr lhs;
        if (!parsePrimary(lhs)) return false;
        if (peek().type == Tk::Compare) {
            e.op = take().op;
            return parsePrimary(binary(e, std::move(lhs), Expr::Kind::Compare));
        }
        e = std::move(lhs);
        return true;
    }

    bool parseFilters(Pipeline &p)
    {
        while (peek().type == Tk::Pipe) {
            take();
            if (peek().type != Tk::Ident) return unexpected(QStringLiteral("a filter name after “|”"));
            FilterCall f;
            f.offset = peek().pos;
            f.name = take().text.toString();
            f.def = findFilter(f.name);
            if (peek().type == Tk::Colon) {
                take();
                while (true) {
                    if (peek().type == Tk::Ident && m_toks[m_at + 1].type == Tk::Colon)
                        return fail(peek().pos, QStringLiteral("the filter “%1” takes no named arguments").arg(f.name));
                    Expr arg;
                    if (!parsePrimary(arg)) return false;
                    f.args.push_back(std::move(arg));
                    if (peek().type != Tk::Comma) break;
                    take();
                }
            }
            if (f.def) {
                const int argc = int(f.args.size());
                if (argc < f.def->minArgs || argc > f.def->maxArgs) {
                    const QString count = f.def->minArgs == f.def->maxArgs
                                              ? QString::number(f.def->minArgs)
                                              : QStringLiteral("%1 to %2").arg(f.def->minArgs).arg(f.def->maxArgs);
                    return fail(f.offset, QStringLiteral("the filter “%1” takes %2 argument(s), not %3")
                                              .arg(f.name, count)
                                              .arg(argc));
                }
            } else {
                m_unknownFilters.push_back({f.name, f.offset});
            }
            p.filters.push_back(std::move(f));
        }
        return true;
    }

    bool startExpr(const Token &tok)
    {
        m_at = 0;
        return lexExpr(tok.markup, tok.markupOffset, m_toks);
    }

    bool finishExpr()
    {
        if (peek().type != Tk::End) return unexpected(QStringLiteral("the end of the tag"));
        return true;
    }

    bool parsePipeline(Pipeline &p)
    {
        if (!parsePrimary(p.base)) return false;
        return parseFilters(p) && finishExpr();
    }

    // ---- stage 2: tags ----

    // Parses nodes until one of `ends` (a tag name) or the end of input. `stop` gets
    // the name of the tag that ended the block (empty at the end of input).
    Block parseBlock(std::initializer_list<const char *> ends, QStringView *stop)
    {
        Block block;
        *stop = {};
        while (m_pos < m_tokens.size() && !m_error) {
            const Token &tok = m_tokens[m_pos];
            if (tok.kind == Token::Kind::Text) {
                Node node;
                node.kind = Node::Kind::Text;
                node.offset = tok.offset;
                node.text = tok.text;
                block.push_back(std::move(node));
                ++m_pos;
                continue;
            }
            if (tok.kind == Token::Kind::Output) {
                ++m_pos;
                Node node;
                node.kind = Node::Kind::Output;
                node.offset = tok.offset;
                if (!startExpr(tok)) break;
                if (peek().type == Tk::End) {
                    node.pipeline.base.offset = tok.offset;
                } else if (!parsePipeline(node.pipeline)) {
                    break;
                }
                block.push_back(std::move(node));
                continue;
            }
            for (const char *e : ends) {
                if (tok.name == QLatin1String(e)) {
                    *stop = tok.name;
                    return block;
                }
            }
            ++m_pos;
            Node node;
            node.offset = tok.offset;
            if (!parseTag(tok, node)) break;
            block.push_back(std::move(node));
        }
        return block;
    }

    bool enter(const Token &tok)
    {
        if (++m_depth > m_options.limits.maxNesting) {
            return fail(tok.offset,
                        QStringLiteral("blocks are nested more than %1 deep").arg(m_options.limits.maxNesting));
        }
        return true;
    }

    bool closeBlock(const Token &open, QStringView stop, const char *end)
    {
        if (stop.isEmpty()) return fail(open.offset, QStringLiteral("“%1” is never closed with “%2”").arg(open.name, QLatin1String(end)));
        const Token &closer = m_tokens[m_pos];
        if (!closer.markup.trimmed().isEmpty())
            return fail(closer.markupOffset, QStringLiteral("“%1” takes nothing after its name").arg(closer.name));
        return true;
    }

    // After a block stopped at `stop`: an optional else-part up to `endName`, then the
    // closing tag.
    bool finishBlock(const Token &open, QStringView stop, const char *endName, Block *elseBody)
    {
        if (elseBody && stop == QLatin1String("else")) {
            takeTag();
            *elseBody = parseBlock({endName}, &stop);
            if (m_error) return false;
        }
        if (!closeBlock(open, stop, endName)) return false;
        takeTag();
        --m_depth;
        return true;
    }

    // The token that stopped a block; moves past it.
    const Token &takeTag() { return m_tokens[m_pos++]; }

    bool parseTag(const Token &tok, Node &node)
    {
        const QStringView name = tok.name;
        if (name == QLatin1String("if") || name == QLatin1String("unless")) return parseIf(tok, node);
        if (name == QLatin1String("case")) return parseCase(tok, node);
        if (name == QLatin1String("for")) return parseFor(tok, node);
        if (name == QLatin1String("assign")) return parseAssign(tok, node);
        if (name == QLatin1String("capture")) return parseCapture(tok, node);
        if (name == QLatin1String("echo")) {
            node.kind = Node::Kind::Output;
            return startExpr(tok) && parsePipeline(node.pipeline);
        }
        if (name == QLatin1String("break") || name == QLatin1String("continue")) {
            node.kind = name == QLatin1String("break") ? Node::Kind::Break : Node::Kind::Continue;
            if (m_loopDepth == 0) return fail(tok.offset, QStringLiteral("“%1” is only allowed inside “for”").arg(name));
            return true;
        }
        if (isForbiddenTag(name)) {
            return fail(tok.offset,
                        QStringLiteral("the “%1” tag is not available: message templates cannot read other files")
                            .arg(name));
        }
        static const char *const kClosers[] = {"endif", "endunless", "endcase", "endfor", "endcapture", "else",
                                               "elsif", "when", "endraw", "endcomment"};
        for (const char *c : kClosers)
            if (name == QLatin1String(c)) return fail(tok.offset, QStringLiteral("unexpected “%1”").arg(name));
        return fail(tok.offset, QStringLiteral("unknown tag “%1”").arg(name));
    }

    bool parseIf(const Token &tok, Node &node)
    {
        if (!enter(tok)) return false;
        const bool isUnless = tok.name == QLatin1String("unless");
        const char *endName = isUnless ? "endunless" : "endif";
        node.kind = Node::Kind::If;
        const Token *head = &tok;
        bool negate = isUnless;
        while (true) {
            Branch branch;
            branch.negate = negate;
            branch.conditions.resize(1);
            if (!startExpr(*head) || !parseCondition(branch.conditions[0]) || !finishExpr()) return false;
            QStringView stop;
            branch.body = parseBlock({"elsif", "else", endName}, &stop);
            if (m_error) return false;
            node.branches.push_back(std::move(branch));
            if (stop == QLatin1String("elsif")) {
                head = &takeTag();
                negate = false;
                continue;
            }
            return finishBlock(tok, stop, endName, &node.elseBody);
        }
    }

    bool parseCase(const Token &tok, Node &node)
    {
        if (!enter(tok)) return false;
        node.kind = Node::Kind::Case;
        if (!startExpr(tok) || !parsePrimary(node.pipeline.base) || !finishExpr()) return false;
        QStringView stop;
        const Block before = parseBlock({"when", "else", "endcase"}, &stop);  // text before the first when: dropped
        if (m_error) return false;
        while (stop == QLatin1String("when")) {
            const Token &when = takeTag();
            Branch branch;
            if (!startExpr(when)) return false;
            while (true) {
                Expr value;
                if (!parsePrimary(value)) return false;
                branch.conditions.push_back(std::move(value));
                if (peek().type == Tk::Comma || isWord(peek(), "or")) {
                    take();
                    continue;
                }
                break;
            }
            if (!finishExpr()) return false;
            branch.body = parseBlock({"when", "else", "endcase"}, &stop);
            if (m_error) return false;
            node.branches.push_back(std::move(branch));
        }
        return finishBlock(tok, stop, "endcase", &node.elseBody);
    }

    bool parseFor(const Token &tok, Node &node)
    {
        if (!enter(tok)) return false;
        node.kind = Node::Kind::For;
        if (!startExpr(tok)) return false;
        if (peek().type != Tk::Ident) return unexpected(QStringLiteral("a loop variable name"));
        node.name = Name(take().text.toString());
        if (!isWord(peek(), "in")) return unexpected(QStringLiteral("“in”"));
        take();
        if (!parsePrimary(node.pipeline.base)) return false;
        while (peek().type != Tk::End) {
            if (isWord(peek(), "reversed")) {
                take();
                node.reversed = true;
            } else if (isWord(peek(), "limit") || isWord(peek(), "offset")) {
                const bool isLimit = isWord(take(), "limit");
                if (!expect(Tk::Colon, QStringLiteral("“:”"))) return false;
                Expr value;
                if (!parsePrimary(value)) return false;
                (isLimit ? node.limit : node.skip) = std::move(value);
            } else if (peek().type == Tk::Comma) {
                take();
            } else {
                return unexpected(QStringLiteral("“limit”, “offset” or “reversed”"));
            }
        }
        ++m_loopDepth;
        QStringView stop;
        node.body = parseBlock({"else", "endfor"}, &stop);
        --m_loopDepth;
        if (m_error) return false;
        return finishBlock(tok, stop, "endfor", &node.elseBody);
    }

    bool parseAssign(const Token &tok, Node &node)
    {
        node.kind = Node::Kind::Assign;
        if (!startExpr(tok)) return false;
        if (peek().type != Tk::Ident) return unexpected(QStringLiteral("a variable name"));
        node.name = Name(take().text.toString());
        if (!expect(Tk::Equals, QStringLiteral("“=”"))) return false;
        return parsePipeline(node.pipeline);
    }

    bool parseCapture(const Token &tok, Node &node)
    {
        if (!enter(tok)) return false;
        node.kind = Node::Kind::Capture;
        if (!startExpr(tok)) return false;
        if (peek().type == Tk::Ident) {
            node.name = Name(take().text.toString());
        } else if (peek().type == Tk::String) {
            node.name = Name(take().value.string());
        } else {
            return unexpected(QStringLiteral("a variable name"));
        }
        if (!finishExpr()) return false;
        QStringView stop;
        node.body = parseBlock({"endcapture"}, &stop);
        if (m_error) return false;
        return finishBlock(tok, stop, "endcapture", nullptr);
    }

    const QString &m_source;
    const ParseOptions &m_options;
    QStringView m_text;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    std::vector<ExprToken> m_toks;
    size_t m_at = 0;
    int m_depth = 0;
    int m_loopDepth = 0;
    std::vector<UnknownFilter> m_unknownFilters;
    std::optional<Error> m_error;
};

Template::Template(std::shared_ptr<const Compiled> compiled) : m_compiled(std::move(compiled)) {}

Result<Template> Template::parse(const QString &source, const ParseOptions &options)
{
    return Parser(source, options).run();
}

const QString &Template::source() const
{
    return m_compiled->source;
}

}  // namespace LoyaltyDesk::Core::Liquid
