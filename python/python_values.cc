#include "python_values.h"

#include <cmath>

namespace py = pybind11;

namespace claimscan::python {
namespace {

// The schema has a few dozen member names; a record's metadata may add more.
constexpr size_t kMaxKeys = 1024;

}  // namespace

py::object PythonValues::Convert(const internal::Json& value) {
  // Each dict and list would otherwise count towards a collection of generation 0, and
  // building one result would run several collections over objects that cannot form a cycle.
  int was_enabled = PyGC_Disable();
  PyObject* made = Make(value);
  if (was_enabled) PyGC_Enable();
  if (made != nullptr) return py::reinterpret_steal<py::object>(made);
  // A string that is not UTF-8: as the text output does, replace its bad bytes (json.loads of
  // that text is then the answer, by definition).
  PyErr_Clear();
  std::string text = value.dump(-1, ' ', false, internal::Json::error_handler_t::replace);
  return py::module_::import("json").attr("loads")(py::str(text));
}

PyObject* PythonValues::Key(const std::string& s) {
  auto it = keys_.find(s);
  if (it != keys_.end()) return it->second.inc_ref().ptr();
  PyObject* made = Text(s);
  if (made != nullptr && keys_.size() < kMaxKeys) {
    // Interned, as CPython interns identifiers, so dict lookups by these names compare
    // pointers.
    PyUnicode_InternInPlace(&made);
    keys_.emplace(s, py::reinterpret_borrow<py::object>(made));
  }
  return made;
}

PyObject* PythonValues::Text(const std::string& s) {
  return PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);
}

PyObject* PythonValues::Integer(int64_t v) {
  if (v < 0 || v >= static_cast<int64_t>(kSharedIntegers)) return PyLong_FromLongLong(v);
  if (integers_.empty()) integers_.resize(kSharedIntegers);
  py::object& shared = integers_[v];
  if (!shared) shared = py::reinterpret_steal<py::object>(PyLong_FromLongLong(v));
  return shared ? shared.inc_ref().ptr() : nullptr;
}

PyObject* PythonValues::Make(const internal::Json& value) {
  using Type = internal::Json::value_t;
  switch (value.type()) {
    case Type::null:
      Py_RETURN_NONE;
    case Type::boolean:
      if (value.get<bool>()) Py_RETURN_TRUE;
      Py_RETURN_FALSE;
    case Type::number_integer:
      return Integer(value.get<int64_t>());
    case Type::number_unsigned:
      if (value.get<uint64_t>() < kSharedIntegers) return Integer(value.get<int64_t>());
      return PyLong_FromUnsignedLongLong(value.get<uint64_t>());
    case Type::number_float: {
      // The text output writes what JSON cannot hold as null.
      double v = value.get<double>();
      if (!std::isfinite(v)) Py_RETURN_NONE;
      return PyFloat_FromDouble(v);
    }
    case Type::string:
      return Text(value.get_ref<const std::string&>());
    case Type::array: {
      PyObject* list = PyList_New(static_cast<Py_ssize_t>(value.size()));
      if (list == nullptr) return nullptr;
      Py_ssize_t i = 0;
      for (const internal::Json& item : value) {
        PyObject* made = Make(item);
        if (made == nullptr) {
          Py_DECREF(list);
          return nullptr;
        }
        PyList_SET_ITEM(list, i++, made);
      }
      return list;
    }
    case Type::object: {
      PyObject* dict = PyDict_New();
      if (dict == nullptr) return nullptr;
      for (const auto& [key, item] : value.items()) {
        PyObject* k = Key(key);
        PyObject* v = k == nullptr ? nullptr : Make(item);
        int failed = v == nullptr || PyDict_SetItem(dict, k, v) != 0;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (failed) {
          Py_DECREF(dict);
          return nullptr;
        }
      }
      return dict;
    }
    default:
      // Binary and discarded values: the library's output holds none.
      PyErr_SetString(PyExc_ValueError, "claimscan: unexpected JSON value");
      return nullptr;
  }
}

}  // namespace claimscan::python
