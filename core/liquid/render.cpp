// Walks a compiled template over one customer's data. All render state lives in a
// Renderer on the caller's stack; the compiled tree and the data are only read.

#include "core/liquid/ast.h"

#include <array>
#include <deque>

namespace LoyaltyDesk::Core::Liquid {

namespace {

constexpr int kMaxWarnings = 100;

bool sameName(const Name &a, const Name &b) { return a.hash == b.hash && a.text == b.text; }

bool lessThan(const Value &a, const Value &b, bool orEqual)
{
    if (a.isNumber() && b.isNumber()) {
        if (a.isInt() && b.isInt()) return orEqual ? a.toInt() <= b.toInt() : a.toInt() < b.toInt();
        return orEqual ? a.toDouble() <= b.toDouble() : a.toDouble() < b.toDouble();
    }
    if (a.isString() && b.isString()) {
        const int c = a.string().compare(b.string());
        return orEqual ? c <= 0 : c < 0;
    }
    return false;
}

bool contains(const Value &haystack, const Value &needle)
{
    if (haystack.isString()) return haystack.string().contains(needle.toString());
    if (haystack.isArray()) {
        for (const Value &v : haystack.array())
            if (v == needle) return true;
    }
    return false;
}

}  // namespace

class Renderer final {
public:
    Renderer(const Template::Compiled &compiled, const Value &data, const RenderOptions &options)
        : m_compiled(compiled), m_data(data), m_options(options), m_limits(options.limits)
    {
    }

    Result<Rendered> run()
    {
        for (const UnknownFilter &f : m_compiled.unknownFilters) {
            const QString message = QStringLiteral("unknown filter “%1”").arg(f.name);
            if (m_options.strict) return errorAt(m_compiled.source, f.offset, message);
            warn(f.offset, message);
        }
        Rendered result;
        result.text.reserve(m_compiled.outputHint);
        renderBlock(m_compiled.root, result.text);
        if (m_error) return *m_error;
        result.warnings = std::move(m_warnings);
        return result;
    }

private:
    enum class Flow { Normal, Break, Continue, Stop };

    // A loop variable: points at the current item in place (no copy of shared data, whose
    // reference counts other threads touch too); `owned` holds range numbers.
    struct Local {
        const Name *name;
        const Value *value;
        Value owned;
    };
    struct Loop {
        qint64 index0;
        qint64 length;
    };

    // ---- problems ----

    Flow fail(int offset, const QString &message)
    {
        if (!m_error) m_error = errorAt(m_compiled.source, offset, message);
        return Flow::Stop;
    }

    void warn(int offset, const QString &message)
    {
        if (m_warnings.size() >= kMaxWarnings) return;
        for (const int seen : m_warnedOffsets)
            if (seen == offset) return;
        m_warnedOffsets.push_back(offset);
        m_warnings.append(diagnosticAt(m_compiled.source, offset, message));
    }

    // A problem that fails a strict render and is a warning in a lenient one.
    bool problem(int offset, const QString &message)
    {
        if (m_options.strict) {
            fail(offset, message);
            return false;
        }
        warn(offset, message);
        return true;
    }

    bool reportUndefined()
    {
        if (!m_undefined) return true;
        const Expr *e = m_undefined;
        m_undefined = nullptr;
        return problem(e->offset, QStringLiteral("unknown variable “%1”").arg(e->describe()));
    }

    bool checkSize(qsizetype size, int offset)
    {
        if (size <= m_limits.maxOutputSize) return true;
        fail(offset, QStringLiteral("the output is longer than the limit of %1 characters").arg(m_limits.maxOutputSize));
        return false;
    }

    bool spend(qsizetype characters, int offset)
    {
        m_work += characters;
        if (m_work <= m_limits.maxWork) return true;
        fail(offset, QStringLiteral("the template does more work than the limit of %1 (characters made, list items walked)")
                         .arg(m_limits.maxWork));
        return false;
    }

    // ---- expressions ----

    const Value *lookupRoot(const Name &name) const
    {
        for (auto it = m_locals.rbegin(); it != m_locals.rend(); ++it)
            if (sameName(*it->name, name)) return it->value;
        for (const auto &[n, v] : m_assigns)
            if (sameName(*n, name)) return &v;
        return m_data.member(name.text, name.hash);
    }

    const Value *forloopMember(const Expr &e, Value &tmp) const
    {
        if (m_loops.empty() || e.path.size() != 1 || e.path[0].kind != Expr::Segment::Kind::Key) return nullptr;
        const Loop &l = m_loops.back();
        const QString &k = e.path[0].key.text;
        if (k == QLatin1String("index")) tmp = l.index0 + 1;
        else if (k == QLatin1String("index0")) tmp = l.index0;
        else if (k == QLatin1String("rindex")) tmp = l.length - l.index0;
        else if (k == QLatin1String("rindex0")) tmp = l.length - l.index0 - 1;
        else if (k == QLatin1String("first")) tmp = l.index0 == 0;
        else if (k == QLatin1String("last")) tmp = l.index0 == l.length - 1;
        else if (k == QLatin1String("length")) tmp = l.length;
        else return nullptr;
        return &tmp;
    }

    const Value *evalVariable(const Expr &e, Value &tmp)
    {
        if (e.forloop && !m_loops.empty()) return forloopMember(e, tmp);
        const Value *cur = lookupRoot(e.root);
        for (const Expr::Segment &seg : e.path) {
            if (!cur) return nullptr;
            switch (seg.kind) {
            case Expr::Segment::Kind::Key: {
                const Value *next = cur->member(seg.key.text, seg.key.hash);
                if (!next) {
                    const QString &k = seg.key.text;
                    if (k == QLatin1String("size") && (cur->isArray() || cur->isString() || cur->isObject())) {
                        tmp = qint64(cur->size());
                        next = &tmp;
                    } else if (k == QLatin1String("first") && cur->isArray()) {
                        next = cur->at(0);
                    } else if (k == QLatin1String("last") && cur->isArray()) {
                        next = cur->at(-1);
                    }
                }
                cur = next;
                break;
            }
            case Expr::Segment::Kind::Index:
                cur = cur->at(seg.index);
                break;
            case Expr::Segment::Kind::Dynamic: {
                Value keyTmp;
                const Value &key = eval(e.children[size_t(seg.index)], keyTmp);
                if (key.isInt()) cur = cur->at(key.toInt());
                else if (key.isString()) cur = cur->member(key.string());
                else cur = nullptr;
                break;
            }
            }
        }
        return cur;
    }

    const Value &eval(const Expr &e, Value &tmp)
    {
        static const Value kNil;
        switch (e.kind) {
        case Expr::Kind::Literal:
            return e.literal;
        case Expr::Kind::Empty:
        case Expr::Kind::Blank:
            tmp = QString();
            return tmp;
        case Expr::Kind::Variable: {
            const Value *v = evalVariable(e, tmp);
            if (v) return *v;
            if (!m_undefined) m_undefined = &e;
            return kNil;
        }
        case Expr::Kind::Range: {
            qint64 from = 0, to = 0;
            if (!rangeBounds(e, from, to)) return kNil;
            if (to - from + 1 > m_limits.maxLoopIterations) {
                fail(e.offset, QStringLiteral("the range has more than %1 items").arg(m_limits.maxLoopIterations));
                return kNil;
            }
            if (!spend(std::max<qint64>(to - from + 1, 0), e.offset)) return kNil;
            Array items;
            for (qint64 i = from; i <= to; ++i) items.emplace_back(i);
            tmp = std::move(items);
            return tmp;
        }
        case Expr::Kind::Compare:
            tmp = compare(e);
            return tmp;
        case Expr::Kind::And:
            tmp = test(e.children[0]) && test(e.children[1]);
            return tmp;
        case Expr::Kind::Or:
            tmp = test(e.children[0]) || test(e.children[1]);
            return tmp;
        }
        return kNil;
    }

    bool rangeBounds(const Expr &e, qint64 &from, qint64 &to)
    {
        Value a, b;
        const Value &x = eval(e.children[0], a);
        const Value &y = eval(e.children[1], b);
        // Bounds within ±2^53, so that `to - from + 1` cannot overflow.
        from = toCount(x, 0);
        to = toCount(y, 0);
        return true;
    }

    bool equalsOperand(const Expr &lhs, const Expr &rhs)
    {
        const auto special = [](const Expr &x) {
            return x.kind == Expr::Kind::Empty || x.kind == Expr::Kind::Blank;
        };
        if (special(lhs) || special(rhs)) {
            const Expr &kw = special(rhs) ? rhs : lhs;
            const Expr &other = special(rhs) ? lhs : rhs;
            if (special(other)) return kw.kind == other.kind;
            Value tmp;
            const Value &v = eval(other, tmp);
            return kw.kind == Expr::Kind::Empty ? v.isEmpty() : v.isBlank();
        }
        Value a, b;
        return eval(lhs, a) == eval(rhs, b);
    }

    bool compare(const Expr &e)
    {
        const Expr &lhs = e.children[0], &rhs = e.children[1];
        switch (e.op) {
        case CompareOp::Eq: return equalsOperand(lhs, rhs);
        case CompareOp::Ne: return !equalsOperand(lhs, rhs);
        default: break;
        }
        Value a, b;
        const Value &x = eval(lhs, a);
        const Value &y = eval(rhs, b);
        switch (e.op) {
        case CompareOp::Lt: return lessThan(x, y, false);
        case CompareOp::Le: return lessThan(x, y, true);
        case CompareOp::Gt: return lessThan(y, x, false);
        case CompareOp::Ge: return lessThan(y, x, true);
        case CompareOp::Contains:
            if (x.isArray() && !spend(qsizetype(x.array().size()), e.offset)) return false;
            return contains(x, y);
        default: return false;
        }
    }

    bool test(const Expr &e)
    {
        Value tmp;
        return eval(e, tmp).truthy();
    }

    // A condition: unknown variables in it are simply nil (as liquidjs's lenientIf).
    bool condition(const Expr &e)
    {
        const bool result = test(e);
        m_undefined = nullptr;
        return result;
    }

    // Evaluates an expression and its filters; the result is in `tmp` or in the data.
    const Value *evalPipeline(const Pipeline &p, Value &tmp)
    {
        m_undefined = nullptr;
        const Value *v = &eval(p.base, tmp);
        if (m_error) return nullptr;
        if (!p.filters.empty() && p.filters.front().name == QLatin1String("default")) m_undefined = nullptr;
        if (!reportUndefined()) return nullptr;
        std::array<Value, kMaxFilterArgs> argTmp;
        std::array<const Value *, kMaxFilterArgs> args{};
        for (const FilterCall &f : p.filters) {
            // An unknown filter was reported before rendering; lenient mode passes the value
            // through without evaluating its arguments (which may be any number).
            if (!f.def) continue;
            const int argc = int(f.args.size());  // at most FilterDef::maxArgs, checked by the parser
            for (int i = 0; i < argc; ++i) args[size_t(i)] = &eval(f.args[size_t(i)], argTmp[size_t(i)]);
            if (m_error || !reportUndefined()) return nullptr;
            // Work on arrays counts too: a filter over a long list inside a long loop is bounded.
            if (v->isArray() && !spend(qsizetype(v->array().size()), f.offset)) return nullptr;
            FilterEnv env{m_options, {}};
            Value result = f.def->fn(*v, Args(args.data()), argc, env);
            if (!env.error.isEmpty()) {
                const QString message = QStringLiteral("%1: %2").arg(f.name, env.error);
                if (env.limit) {
                    fail(f.offset, message);
                    return nullptr;
                }
                if (!problem(f.offset, message)) return nullptr;
                result = Value();
            }
            if (result.isString() && (!checkSize(result.string().size(), f.offset) ||
                                      !spend(result.string().size(), f.offset)))
                return nullptr;
            if (result.isArray() && !spend(qsizetype(result.array().size()), f.offset)) return nullptr;
            tmp = std::move(result);
            v = &tmp;
        }
        return v;
    }

    // ---- nodes ----

    void output(const Value &v, bool raw, QString &out)
    {
        if (!raw && m_options.escaping == Escaping::Json) {
            appendJsonEscaped(out, v.isString() ? v.string() : v.toString());
            return;
        }
        const bool escape = !raw && m_options.escaping == Escaping::Html;
        if (v.isString()) {
            if (escape) appendEscaped(out, v.string());
            else out += v.string();
        } else if (escape) {
            appendEscaped(out, v.toString());
        } else {
            v.appendTo(out);
        }
    }

    Flow renderBlock(const Block &block, QString &out)
    {
        for (const Node &node : block) {
            const Flow flow = renderNode(node, out);
            if (flow != Flow::Normal) return flow;
            if (m_error) return Flow::Stop;  // e.g. a limit reached inside a condition
        }
        return Flow::Normal;
    }

    Flow renderNode(const Node &node, QString &out)
    {
        switch (node.kind) {
        case Node::Kind::Text:
            out += node.text;
            return checkSize(out.size(), node.offset) ? Flow::Normal : Flow::Stop;
        case Node::Kind::Output: {
            Value tmp;
            const Value *v = evalPipeline(node.pipeline, tmp);
            if (!v) return Flow::Stop;
            output(*v, node.pipeline.raw(), out);
            return checkSize(out.size(), node.offset) ? Flow::Normal : Flow::Stop;
        }
        case Node::Kind::If:
            for (const Branch &b : node.branches) {
                if (condition(b.conditions[0]) != b.negate) return renderBlock(b.body, out);
                if (m_error) return Flow::Stop;
            }
            return renderBlock(node.elseBody, out);
        case Node::Kind::Case: return renderCase(node, out);
        case Node::Kind::For: return renderFor(node, out);
        case Node::Kind::Assign: {
            Value tmp;
            const Value *v = evalPipeline(node.pipeline, tmp);
            if (!v) return Flow::Stop;
            assign(node.name, v == &tmp ? std::move(tmp) : *v);
            return Flow::Normal;
        }
        case Node::Kind::Capture: {
            QString captured;
            const Flow flow = renderBlock(node.body, captured);
            if (flow == Flow::Stop) return flow;
            if (!spend(captured.size(), node.offset)) return Flow::Stop;
            assign(node.name, Value(std::move(captured)));
            return flow;
        }
        case Node::Kind::Break: return Flow::Break;
        case Node::Kind::Continue: return Flow::Continue;
        }
        return Flow::Normal;
    }

    void assign(const Name &name, Value value)
    {
        for (auto &[n, v] : m_assigns) {
            if (sameName(*n, name)) {
                v = std::move(value);
                return;
            }
        }
        m_assigns.emplace_back(&name, std::move(value));
    }

    Flow renderCase(const Node &node, QString &out)
    {
        Value tmp;
        const Value &subject = eval(node.pipeline.base, tmp);
        m_undefined = nullptr;
        bool matched = false;
        for (const Branch &b : node.branches) {
            for (const Expr &when : b.conditions) {
                Value wtmp;
                const Value &w = eval(when, wtmp);
                m_undefined = nullptr;
                if (subject == w) {
                    matched = true;
                    const Flow flow = renderBlock(b.body, out);
                    if (flow != Flow::Normal) return flow;
                    break;
                }
            }
        }
        if (m_error) return Flow::Stop;
        return matched ? Flow::Normal : renderBlock(node.elseBody, out);
    }

    qint64 evalCount(const std::optional<Expr> &e, qint64 fallback)
    {
        if (!e) return fallback;
        Value tmp;
        const Value &v = eval(*e, tmp);
        m_undefined = nullptr;
        return toCount(v, fallback);
    }

    static qint64 toCount(const Value &v, qint64 fallback)
    {
        if (v.isInt()) return clampToInt(double(v.toInt()));
        if (v.isDouble()) return clampToInt(v.toDouble());
        if (v.isString()) return clampToInt(v.string().trimmed().toDouble());
        return fallback;
    }

    Flow renderFor(const Node &node, QString &out)
    {
        // The items: a range is walked without building it; arrays are used in place.
        const Expr &source = node.pipeline.base;
        qint64 rangeFrom = 0, count = 0;
        const Array *items = nullptr;
        Array converted;
        Value tmp;
        Value held;
        if (source.kind == Expr::Kind::Range) {
            qint64 to = 0;
            rangeBounds(source, rangeFrom, to);
            count = to >= rangeFrom ? to - rangeFrom + 1 : 0;
        } else {
            // Held by value: an assign inside the loop may replace the variable being walked.
            held = eval(source, tmp);
            const Value &v = held;
            if (m_error) return Flow::Stop;
            if (!reportUndefined()) return Flow::Stop;
            if (v.isArray()) {
                items = &v.array();
            } else if (v.isObject()) {
                for (const auto &[k, val] : v.object().items()) converted.emplace_back(Array{Value(k), val});
                items = &converted;
            } else if (v.isString() && !v.string().isEmpty()) {
                converted.push_back(v);
                items = &converted;
            }
            count = items ? qint64(items->size()) : 0;
        }
        qint64 begin = std::max<qint64>(0, evalCount(node.skip, 0));
        begin = std::min(begin, count);
        qint64 end = count;
        if (node.limit) end = begin + std::min(count - begin, std::max<qint64>(0, evalCount(node.limit, count)));
        const qint64 length = end - begin;
        if (length <= 0) return renderBlock(node.elseBody, out);

        m_locals.push_back(Local{&node.name, nullptr, Value()});
        const size_t localIndex = m_locals.size() - 1;
        m_loops.push_back(Loop{0, length});
        Flow result = Flow::Normal;
        for (qint64 i = 0; i < length; ++i) {
            if (++m_iterations > m_limits.maxLoopIterations) {
                result = fail(node.offset, QStringLiteral("loops ran more than %1 iterations in total")
                                               .arg(m_limits.maxLoopIterations));
                break;
            }
            const qint64 at = node.reversed ? end - 1 - i : begin + i;
            Local &local = m_locals[localIndex];
            if (items) {
                local.value = &(*items)[size_t(at)];
            } else {
                local.owned = rangeFrom + at;
                local.value = &local.owned;
            }
            m_loops.back().index0 = i;
            const Flow flow = renderBlock(node.body, out);
            if (flow == Flow::Stop) {
                result = flow;
                break;
            }
            if (flow == Flow::Break) break;
        }
        m_loops.pop_back();
        m_locals.pop_back();
        return result;
    }

    const Template::Compiled &m_compiled;
    const Value &m_data;
    const RenderOptions &m_options;
    const Limits &m_limits;
    std::deque<Local> m_locals;  // a deque: pushing a nested loop's variable never moves an outer one
    std::vector<std::pair<const Name *, Value>> m_assigns;
    std::vector<Loop> m_loops;
    const Expr *m_undefined = nullptr;
    qint64 m_iterations = 0;
    qint64 m_work = 0;
    std::optional<Error> m_error;
    QList<Diagnostic> m_warnings;
    std::vector<int> m_warnedOffsets;
};

Result<Rendered> Template::render(const Value &data, const RenderOptions &options) const
{
    return Renderer(*m_compiled, data, options).run();
}

}  // namespace LoyaltyDesk::Core::Liquid
