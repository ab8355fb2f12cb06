// claimscan._claimscan: the native part of the Python module (python/claimscan/ is the API).
//
// Every result is the library's own JSON text (AnalysisToJson, through the batch layer's
// ProcessTask, as the CLI writes it); the Python side decodes it with json.loads, so a dict is
// the CLI's output by construction. C++ work runs with the GIL released.
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

namespace py = pybind11;

namespace claimscan::python {
namespace {

using internal::BatchPipeline;
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
// to read as an article (ReadArticleFile), or nullopt. Empty texts are analysed (an empty
// result), as a JSON Lines record's empty text is.
std::optional<std::string> BinaryData(std::string_view bytes) {
  if (std::optional<std::string> kind = BinaryFileKind(bytes)) {
    return "binary data (" + *kind + ")";
  }
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return "binary data (NUL byte at byte " + std::to_string(nul) + ")";
  }
  return std::nullopt;
}

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
  std::string ExtractText(std::string text, const std::string& id, bool markdown,
                          const std::optional<std::string>& title) {
    Status error;
    std::string out;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      std::string where = id.empty() ? "<text>" : id;
      if (!title) {
        if (std::optional<std::string> why = BinaryData(text)) {
          error = Status::InvalidInput(where, *why);
        } else {
          Task task;
          task.where = where;
          task.id = id;
          task.format = markdown ? InputFormat::kMarkdown : InputFormat::kText;
          task.bytes = std::move(text);
          ProcessTask(task, *extractor_, options_);
          if (task.ok) {
            out = std::move(task.output);
          } else {
            error = task.errors.empty() ? Status::Internal(where, "extraction failed")
                                        : task.errors.front();
          }
        }
      } else {
        // As ArticleFromJsonLine reads a record with a title: a title equal to the text's
        // first non-empty line marks that line as the headline.
        Article from_text = ArticleFromText("", text, InputFormat::kText);
        Article article;
        article.id = id;
        article.text = std::move(text);
        article.title = *title;
        if (from_text.title == article.title) article.title_byte_end = from_text.title_byte_end;
        Result<Analysis> analysis = extractor_->Extract(article);
        if (analysis.ok()) {
          out = AnalysisToJson(*analysis, options_.json);
        } else {
          error = Status::InvalidInput(where, analysis.status().message());
        }
      }
    }
    if (!error.ok()) Raise(error);
    return out;
  }

  // One JSON Lines record, exactly as `claimscan extract --jsonl -` reads a line. Raises
  // InputError with "where: reason" where the CLI writes an error record.
  std::string ExtractRecord(std::string line, const std::string& where) {
    Status error;
    std::string out;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      Task task;
      task.input = Task::Input::kJsonlRecord;
      task.where = where;
      task.bytes = std::move(line);
      ProcessTask(task, *extractor_, options_);
      if (task.ok) {
        out = std::move(task.output);
      } else {
        error = task.errors.empty() ? Status::Internal(where, "extraction failed")
                                    : task.errors.front();
      }
    }
    if (!error.ok()) Raise(error);
    return out;
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
};

// A finished article as the pipeline commits it: JSON (a result or an error record), whether
// its input was a record, whether it is a result.
using Ready = std::tuple<std::string, bool, bool>;

// Collects committed tasks in input order. Commit runs on the submitting thread, without the GIL.
class ReadySink : public TaskSink {
 public:
  void Commit(Task& task) override {
    if (task.end_of_input) return;
    std::string json = std::move(task.output);
    if (!task.ok && json.empty()) {
      // A text the extractor refused (binary data): an error record, as for a JSON Lines line.
      std::string message =
          task.errors.empty() ? task.where + ": extraction failed" : task.errors.front().message();
      json = ErrorToJson(task.id, message);
    }
    std::lock_guard<std::mutex> lock(mu_);
    ready_.emplace_back(std::move(json), task.input == Task::Input::kJsonlRecord, task.ok);
  }

  std::optional<Ready> Pop() {
    std::lock_guard<std::mutex> lock(mu_);
    if (ready_.empty()) return std::nullopt;
    Ready r = std::move(ready_.front());
    ready_.pop_front();
    return r;
  }

 private:
  std::mutex mu_;
  std::deque<Ready> ready_;
};

// extract_many's engine: the CLI's BatchPipeline (jobs workers, each with its own Extractor
// clone, at most 8 articles per worker in flight), fed one item at a time by the Python
// generator, which pops the results in input order as they are committed.
class Pipeline {
 public:
  Pipeline(Engine& engine, size_t jobs) : options_(engine.options()) {
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

  // The next result in input order, if one is committed.
  std::optional<Ready> Pop() { return sink_->Pop(); }

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
    py::gil_scoped_release release;
    pipeline_->Submit(std::move(task));
  }

  // Declared before pipeline_: the pipeline refers to them until it is destroyed.
  BatchOptions options_;
  ErrorSink on_error_ = [](const Status&) {};  // errors are in each result
  BatchStats stats_;
  std::shared_ptr<ReadySink> sink_ = std::make_shared<ReadySink>();
  std::optional<Extractor> first_;
  std::unique_ptr<BatchPipeline> pipeline_;
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
             const std::optional<std::string>& title) {
            return e.ExtractText(std::string(text), id, markdown, title);
          },
          py::arg("text"), py::arg("id"), py::arg("markdown"), py::arg("title"))
      .def(
          "extract_record",
          [](Engine& e, py::bytes line, const std::string& where) {
            return e.ExtractRecord(std::string(line), where);
          },
          py::arg("line"), py::arg("where"))
      .def_property_readonly("locale", &Engine::locale)
      .def_property_readonly("fingerprint", &Engine::fingerprint)
      .def_property_readonly("files", &Engine::files)
      .def_property_readonly("rule_count", &Engine::rule_count);

  py::class_<Pipeline>(m, "Pipeline")
      .def(py::init<Engine&, size_t>(), py::arg("engine"), py::arg("jobs"), py::keep_alive<1, 2>())
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
