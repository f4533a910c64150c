#pragma once
// The subcommands, one file each (command_<name>.cpp). Each gets the arguments after its name,
// writes its result to stdout and returns an exit code; usage and validation errors are thrown
// (UsageError, or std::invalid_argument from the core) and reported by main.
#include <span>
#include <string>

#include "cli_args.hpp"

namespace actlab::cli {

struct Command {
  const CommandSpec& (*spec)();
  int (*run)(std::span<const std::string> args);
};

const CommandSpec& activations_spec();
int run_activations(std::span<const std::string> args);

const CommandSpec& probe_spec();
int run_probe(std::span<const std::string> args);

const CommandSpec& train_spec();
int run_train(std::span<const std::string> args);

const CommandSpec& sweep_spec();
int run_sweep(std::span<const std::string> args);

const CommandSpec& bench_spec();
int run_bench(std::span<const std::string> args);

}  // namespace actlab::cli
