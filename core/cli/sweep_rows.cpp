#include "sweep_rows.hpp"

#include <algorithm>
#include <limits>
#include <sstream>

#include "config_io.hpp"
#include "diagnostics_summary.hpp"
#include "json_writer.hpp"
#include "network.hpp"

namespace actlab::cli {
namespace {

constexpr int kStepsPerCall = 100;  // as actlab train

struct Checkpoint {
  const Network& network;
  int64_t requested;
  float last_batch_loss;
  Metrics metrics;
  DiagnosticsSummary summary;
};

size_t row_number(const SweepPlan& plan, size_t job, size_t k) { return job * plan.rows_per_job() + k; }

// A number as the JSON rows spell it (shortest round-trip text), empty where JSON has null.
template <class T>
std::string number(T v) {
  std::ostringstream out;
  JsonWriter(out).value(v);
  const std::string text = out.str();
  return text == "null" ? std::string() : text;
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted.append(c == '"' ? 2 : 1, c);  // a quote is written twice
  return quoted.append("\"");
}

void write_json_row(std::ostream& out, const SweepPlan& plan, size_t job, size_t k, const Checkpoint& c) {
  JsonWriter json(out);
  json.begin_object().field("row", row_number(plan, job, k));
  write_run_fields(json, c.network, c.requested, c.metrics, c.last_batch_loss);
  json.field("param_count", c.network.params().size())
      .key("diagnostics")
      .begin_object()
      .fields(c.summary, summary_fields())
      .end_object()
      .end_object()
      .end_line();
}

std::string csv_prefix(const SweepPlan& plan, size_t job, size_t k, const LabConfig& config) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, its bug 105329) on "," + std::string.
  std::string line = std::to_string(row_number(plan, job, k));
  for (const FieldSpec& f : config_fields()) line.append(",").append(csv_cell(field_text(f, config)));
  return line.append(",").append(std::to_string(plan.checkpoints()[k]));
}

void write_csv_row(std::ostream& out, const SweepPlan& plan, size_t job, size_t k, const Checkpoint& c) {
  const Network& n = c.network;
  const Metrics& m = c.metrics;
  out << csv_prefix(plan, job, k, n.config()) << ',' << n.steps() << ',' << (n.diverged() ? "true" : "false") << ','
      << (n.diverged_at() ? std::to_string(*n.diverged_at()) : "") << ',' << number(m.train_loss) << ','
      << number(m.test_loss) << ',' << number(m.train_accuracy) << ',' << number(m.test_accuracy) << ','
      << number(c.last_batch_loss) << ',' << n.data().train.size() << ',' << n.data().test.size() << ','
      << std::min<size_t>(n.config().batch_size, n.data().train.size()) << ',' << n.params().size() << ','
      << number(c.summary.first_last_grad_ratio) << ',' << number(c.summary.zero_fraction) << ','
      << c.summary.dead_units << ',' << number(c.summary.saturated_fraction) << '\n';
}

}  // namespace

std::string csv_header() {
  std::string line = "row";
  for (const FieldSpec& f : config_fields()) line.append(",").append(f.name);
  return line +
         ",steps_requested,steps,diverged,diverged_at,train_loss,test_loss,train_accuracy,test_accuracy,"
         "last_batch_loss,train_points,test_points,batch,param_count,first_last_grad_ratio,zero_fraction,"
         "dead_units,saturated_fraction\n";
}

std::string row_prefix(const SweepPlan& plan, size_t job, size_t k, RowFormat format) {
  LabConfig config = plan.job_config(job);
  if (format == RowFormat::csv) return csv_prefix(plan, job, k, config) + ",";
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object().field("row", row_number(plan, job, k)).key("config");
  write_config(json, config);
  json.field("steps_requested", plan.checkpoints()[k]);
  return out.str() + ",";
}

std::vector<std::string> run_job(const SweepPlan& plan, size_t job, RowFormat format) {
  const LabConfig config = plan.job_config(job);
  Network network(config, make_shared_dataset(config));
  std::vector<std::string> rows;
  const std::vector<int64_t> checkpoints = plan.checkpoints();
  float last_loss = std::numeric_limits<float>::quiet_NaN();
  int64_t done = 0;
  for (size_t k = 0; k < checkpoints.size(); ++k) {
    // As train does for --steps checkpoints[k]: calls of 100 steps from step 0, a shorter last one.
    // (No steps are taken after a divergence, and last_batch_loss keeps the last loss reported.)
    while (done < checkpoints[k] && !network.diverged()) {
      const int64_t call = std::min<int64_t>(kStepsPerCall - done % kStepsPerCall, checkpoints[k] - done);
      const auto losses = network.train(int(call));
      if (!losses.empty()) last_loss = losses.back();
      done += call;
    }
    const Checkpoint checkpoint{network, checkpoints[k], last_loss, network.evaluate(), summarise(diagnose(network))};
    std::ostringstream out;
    if (format == RowFormat::json) {
      write_json_row(out, plan, job, k, checkpoint);
    } else {
      write_csv_row(out, plan, job, k, checkpoint);
    }
    rows.push_back(out.str());
  }
  return rows;
}

}  // namespace actlab::cli
