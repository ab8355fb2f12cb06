// claimscan._claimscan: the native part of the Python module (python/claimscan/ is the API).
//
// Every result is the library's own JSON tree (AnalysisJson, through the batch layer's
// ProcessTask, as the CLI writes it), made into Python objects directly (python_values.h), so a
// dict is json.loads of the CLI's output by construction. C++ work runs with the GIL released.
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <claimscan/claimscan.h>

#include "extract/batch_pipeline.h"
#include "python_values.h"

namespace py = pybind11;

namespace claimscan::python {
namespace {

using internal::AnalysisJson;
using internal::BatchPipeline;
using internal::Json;
using internal::ProcessTask;
using internal::Task;
using internal::TaskSink;

// Raised as claimscan.RuleError (a ValueError): "path:line: rule id: RE2's message".
class RuleError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Raised as claimscan.InputError (a ValueError): "where: reason", as the CLI's error records.
class InputError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The bundled rules, found as the CLI finds them (src/cli/common.cc): $CLAIMSCAN_RULES, else
// the source tree's rules/ this module was built from, else the rules `cmake --install` puts
// in PREFIX/share/claimscan/rules.
std::string DefaultRulesDir() {
  if (const char* env = std::getenv("CLAIMSCAN_RULES")) return env;
#ifdef CLAIMSCAN_SOURCE_RULES_DIR
  std::error_code ec;
  if (std::filesystem::is_directory(CLAIMSCAN_SOURCE_RULES_DIR, ec)) {
    return CLAIMSCAN_SOURCE_RULES_DIR;
  }
#endif
#ifdef CLAIMSCAN_INSTALLED_RULES_DIR
  return CLAIMSCAN_INSTALLED_RULES_DIR;
#else
  return "rules";
#endif
}

// Why a text given as a file's contents cannot be analysed: the binary data the CLI refuses
// to read as an article, or nullopt. Empty texts are analysed (an empty result), as a JSON
// Lines record's empty text is.
std::optional<std::string> BinaryData(std::string_view bytes) {
  if (std::optional<std::string> binary = BinaryContent(bytes)) {
    return "binary data (" + *binary + ")";
  }
  return std::nullopt;
}

// Analyses one task as the CLI does (ProcessTask), keeping the result as a tree.
Result<Json> RunTask(Task& task, Extractor& extractor, const BatchOptions& options) {
  task.keep_json_tree = true;
  ProcessTask(task, extractor, options);
  if (task.ok) return std::move(*task.json);
  if (task.errors.empty()) return Status::Internal(task.where, "extraction failed");
  return task.errors.front();
}

// The CLI hashes a record's line as read; a dict has no such line, so a record's result leaves
// the field out (it only serves the CLI's resumed runs).
void DropLineHash(Json& result) { result.erase("input_sha256"); }

// REQUIRES: the GIL is held.
[[noreturn]] void Raise(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidRule:
      throw RuleError(s.message());
    case Status::Code::kIoError:
      PyErr_SetString(PyExc_OSError, s.message().c_str());
      throw py::error_already_set();
    case Status::Code::kInvalidInput:
      throw InputError(s.message());
    default:
      throw std::runtime_error(s.ToString());
  }
}

// The Python Extractor: rules loaded once, one C++ Extractor. Calls from several Python threads
// take turns on it (a mutex); extract_many's workers use clones.
class Engine {
 public:
  Engine(const std::vector<std::string>& paths, const std::string& locale) {
    Status error;
    {
      py::gil_scoped_release release;
      Result<RuleSet> loaded = RuleSet::Load(paths, locale);
      if (!loaded.ok()) {
        error = loaded.status();
      } else {
        auto shared = std::make_shared<const RuleSet>(std::move(loaded).value());
        ExtractorOptions options;
        options.locale = locale;
        Result<Extractor> created = Extractor::Create(shared, options);
        if (created.ok()) {
          extractor_.emplace(std::move(created).value());
        } else {
          error = created.status();
        }
      }
    }
    if (!error.ok()) Raise(error);
    locale_ = locale;
    options_.format = OutputFormat::kJsonl;
    options_.json.rules_fingerprint = extractor_->rules().fingerprint();
  }

  // A .txt file's bytes (headline: the first non-empty line), or, with `title`, a JSON Lines
  // record's text and title (ArticleFromJsonLine). Raises InputError on binary data.
  Result<Json> ExtractText(std::string text, const std::string& id, bool markdown,
                           const std::optional<std::string>& title) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    std::string where = id.empty() ? "<text>" : id;
    if (!title) {
      if (std::optional<std::string> why = BinaryData(text)) {
        return Status::InvalidInput(where, *why);
      }
      Task task;
      task.where = where;
      task.id = id;
      task.format = markdown ? InputFormat::kMarkdown : InputFormat::kText;
      task.bytes = std::move(text);
      return RunTask(task, *extractor_, options_);
    }
    // As ArticleFromJsonLine reads a record with a title: a title equal to the text's first
    // non-empty line marks that line as the headline.
    Article from_text = ArticleFromText("", text, InputFormat::kText);
    Article article;
    article.id = id;
    article.text = std::move(text);
    article.title = *title;
    if (from_text.title == article.title) article.title_byte_end = from_text.title_byte_end;
    Result<Analysis> analysis = extractor_->Extract(article);
    if (!analysis.ok()) return Status::InvalidInput(where, analysis.status().message());
    return AnalysisJson(*analysis, options_.json);
  }

  // One JSON Lines record, exactly as `claimscan extract --jsonl -` reads a line. Fails with
  // "where: reason" where the CLI writes an error record.
  Result<Json> ExtractRecord(std::string line, const std::string& where) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mu_);
    Task task;
    task.input = Task::Input::kJsonlRecord;
    task.where = where;
    task.bytes = std::move(line);
    return RunTask(task, *extractor_, options_);
  }

  // `result` as the caller asked: the CLI's JSON text, or Python objects (a record's without
  // its line hash). REQUIRES: the GIL is held.
  py::object Output(Result<Json> result, bool as_json, bool from_record) {
    if (!result.ok()) Raise(result.status());
    if (as_json) {
      return py::str(result->dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    if (from_record) DropLineHash(*result);
    return values_.Convert(*result);
  }

  // REQUIRES: the GIL is released.
  Result<Extractor> Clone() {
    std::lock_guard<std::mutex> lock(mu_);
    return extractor_->Clone();
  }

  const BatchOptions& options() const { return options_; }
  const std::string& locale() const { return locale_; }
  const std::string& fingerprint() const { return options_.json.rules_fingerprint; }
  const std::vector<std::string>& files() const { return extractor_->rules().files(); }
  size_t rule_count() const { return extractor_->rules().rules().size(); }

 private:
  std::mutex mu_;
  std::optional<Extractor> extractor_;
  std::string locale_;
  BatchOptions options_;
  PythonValues values_;  // used with the GIL held
};

// A finished article as the pipeline commits it: its result or an error record, as a tree, or
// as the CLI's JSON text when the caller asked for text.
struct Ready {
  Json value;
  std::string text;
  bool ok = false;
};

// Collects committed tasks in input order. Commit runs on the submitting thread, without the GIL.
class ReadySink : public TaskSink {
 public:
  explicit ReadySink(bool as_json) : as_json_(as_json) {}

  void Commit(Task& task) override {
    if (task.end_of_input) return;
    Ready ready;
    ready.ok = task.ok;
    if (task.ok && !as_json_) {
      ready.value = std::move(*task.json);
      if (task.input == Task::Input::kJsonlRecord) DropLineHash(ready.value);
    } else {
      ready.text = std::move(task.output);
      if (ready.text.empty()) {
        // A text the extractor refused (binary data): an error record, as for a JSON Lines line.
        ready.text = ErrorToJson(task.id, task.errors.empty() ? task.where + ": extraction failed"
                                                              : task.errors.front().message());
      }
      if (!as_json_) {
        ready.value = Json::parse(ready.text);
        if (task.input == Task::Input::kJsonlRecord) DropLineHash(ready.value);
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    ready_.push_back(std::move(ready));
  }

  bool as_json() const { return as_json_; }

  std::optional<Ready> Pop() {
    std::lock_guard<std::mutex> lock(mu_);
    if (ready_.empty()) return std::nullopt;
    Ready r = std::move(ready_.front());
    ready_.pop_front();
    return r;
  }

 private:
  const bool as_json_;
  std::mutex mu_;
  std::deque<Ready> ready_;
};

// extract_many's engine: the CLI's BatchPipeline (jobs workers, each with its own Extractor
// clone, at most 8 articles per worker in flight), fed one item at a time by the Python
// generator, which pops the results in input order as they are committed.
class Pipeline {
 public:
  // as_json: results are the CLI's JSON text, not Python objects.
  Pipeline(Engine& engine, size_t jobs, bool as_json)
      : options_(engine.options()), sink_(std::make_shared<ReadySink>(as_json)) {
    options_.jobs = jobs;
    Status error;
    {
      py::gil_scoped_release release;
      Result<Extractor> first = engine.Clone();
      if (first.ok()) {
        first_.emplace(std::move(first).value());
        pipeline_ = std::make_unique<BatchPipeline>(*first_, options_, on_error_, &stats_);
      } else {
        error = first.status();
      }
    }
    if (!error.ok()) Raise(error);
  }

  ~Pipeline() { Close(); }

  // A .txt/.md text (bytes) with its id. Blocks, without the GIL, while the window is full.
  void SubmitText(std::string text, std::string id, std::string where, bool markdown) {
    auto task = std::make_unique<Task>();
    task->id = std::move(id);
    task->where = std::move(where);
    task->format = markdown ? InputFormat::kMarkdown : InputFormat::kText;
    if (std::optional<std::string> why = BinaryData(text)) {
      // Refused before analysis: committed in its place as an error record.
      task->done = true;
      ++task->stats.failed;
      task->errors.push_back(Status::InvalidInput(task->where, *why));
    } else {
      task->bytes = std::move(text);
    }
    Submit(std::move(task));
  }

  // A JSON Lines record's line.
  void SubmitRecord(std::string line, std::string where) {
    auto task = std::make_unique<Task>();
    task->input = Task::Input::kJsonlRecord;
    task->where = std::move(where);
    task->bytes = std::move(line);
    Submit(std::move(task));
  }

  // The next result in input order, if one is committed: (result or error record, whether it
  // is a result), or None. REQUIRES: the GIL is held.
  py::object Pop() {
    std::optional<Ready> ready = sink_->Pop();
    if (!ready) return py::none();
    if (sink_->as_json()) return py::make_tuple(py::str(ready->text), ready->ok);
    return py::make_tuple(values_.Convert(ready->value), ready->ok);
  }

  // Waits for every submitted item; their results can then be popped.
  void Finish() {
    if (!pipeline_) return;
    py::gil_scoped_release release;
    pipeline_->Finish();
  }

  // Finishes and stops the workers. Results not popped are dropped.
  void Close() {
    if (!pipeline_) return;
    if (PyGILState_Check()) {
      py::gil_scoped_release release;
      pipeline_.reset();
    } else {
      pipeline_.reset();
    }
  }

  size_t workers() const { return pipeline_ ? pipeline_->workers() : 0; }

 private:
  void Submit(std::unique_ptr<Task> task) {
    if (!pipeline_) throw std::runtime_error("the pipeline is closed");
    task->sink = sink_;
    task->keep_json_tree = !sink_->as_json();
    py::gil_scoped_release release;
    pipeline_->Submit(std::move(task));
  }

  // Declared before pipeline_: the pipeline refers to them until it is destroyed.
  BatchOptions options_;
  ErrorSink on_error_ = [](const Status&) {};  // errors are in each result
  BatchStats stats_;
  std::shared_ptr<ReadySink> sink_;
  std::optional<Extractor> first_;
  std::unique_ptr<BatchPipeline> pipeline_;
  PythonValues values_;  // used with the GIL held
};

}  // namespace
}  // namespace claimscan::python

PYBIND11_MODULE(_claimscan, m) {
  using namespace claimscan::python;
  m.doc() = "claimscan's native part; use the claimscan package.";
  py::register_exception<RuleError>(m, "RuleError", PyExc_ValueError);
  py::register_exception<InputError>(m, "InputError", PyExc_ValueError);
  m.def("default_rules_dir", &DefaultRulesDir);
  m.attr("schema_version") = claimscan::kSchemaVersion;

  py::class_<Engine>(m, "Engine")
      .def(py::init<const std::vector<std::string>&, const std::string&>(), py::arg("paths"),
           py::arg("locale"))
      .def(
          "extract_text",
          [](Engine& e, py::bytes text, const std::string& id, bool markdown,
             const std::optional<std::string>& title, bool as_json) {
            return e.Output(e.ExtractText(std::string(text), id, markdown, title), as_json, false);
          },
          py::arg("text"), py::arg("id"), py::arg("markdown"), py::arg("title"),
          py::arg("as_json") = false)
      .def(
          "extract_record",
          [](Engine& e, py::bytes line, const std::string& where, bool as_json) {
            return e.Output(e.ExtractRecord(std::string(line), where), as_json, true);
          },
          py::arg("line"), py::arg("where"), py::arg("as_json") = false)
      .def_property_readonly("locale", &Engine::locale)
      .def_property_readonly("fingerprint", &Engine::fingerprint)
      .def_property_readonly("files", &Engine::files)
      .def_property_readonly("rule_count", &Engine::rule_count);

  py::class_<Pipeline>(m, "Pipeline")
      .def(py::init<Engine&, size_t, bool>(), py::arg("engine"), py::arg("jobs"),
           py::arg("as_json") = false, py::keep_alive<1, 2>())
      .def(
          "submit_text",
          [](Pipeline& p, py::bytes text, std::string id, std::string where, bool markdown) {
            p.SubmitText(std::string(text), std::move(id), std::move(where), markdown);
          },
          py::arg("text"), py::arg("id"), py::arg("where"), py::arg("markdown") = false)
      .def(
          "submit_record",
          [](Pipeline& p, py::bytes line, std::string where) {
            p.SubmitRecord(std::string(line), std::move(where));
          },
          py::arg("line"), py::arg("where"))
      .def("pop", &Pipeline::Pop)
      .def("finish", &Pipeline::Finish)
      .def("close", &Pipeline::Close)
      .def_property_readonly("workers", &Pipeline::workers);
}
