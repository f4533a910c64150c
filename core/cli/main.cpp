// actlab: the native command-line runner of Activation Lab. Dispatches to one subcommand and
// turns every user mistake into "actlab: <message>" on stderr and exit code 2.
#include <array>
#include <exception>
#include <iomanip>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "commands.hpp"

namespace actlab::cli {
namespace {

constexpr std::array<Command, 5> kCommands = {{
    {activations_spec, run_activations},
    {probe_spec, run_probe},
    {train_spec, run_train},
    {sweep_spec, run_sweep},
    {bench_spec, run_bench},
}};

const Command* find_command(const std::string& name) {
  for (const auto& command : kCommands)
    if (command.spec().name == name) return &command;
  return nullptr;
}

void print_usage(std::ostream& out) {
  out << "usage: actlab <command> [flags]\n\n"
         "Activation Lab's native runner: trains tiny MLP classifiers on 2-D toy data to show why\n"
         "ReLU beats sigmoid and tanh (cost, vanishing gradients, sparsity).\n\ncommands:\n";
  for (const auto& command : kCommands)
    out << "  " << std::left << std::setw(13) << command.spec().name << command.spec().summary << "\n";
  out << "\n'actlab <command> --help' lists a command's flags. Exit codes: 0 ok, 2 usage or validation error.\n";
}

int dispatch(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("no command given (see 'actlab --help')");
  const std::string& name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    if (args.size() > 1) {
      const Command* command = find_command(args[1]);
      if (command == nullptr) throw UsageError("unknown command '" + args[1] + "' (see 'actlab --help')");
      print_command_help(std::cout, command->spec());
    } else {
      print_usage(std::cout);
    }
    return kExitOk;
  }
  const Command* command = find_command(name);
  if (command == nullptr) throw UsageError("unknown command '" + name + "' (see 'actlab --help')");
  return command->run(std::span<const std::string>(args).subspan(1));
}

}  // namespace
}  // namespace actlab::cli

int main(int argc, char** argv) {
  using namespace actlab::cli;
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int code = dispatch(args);
    std::cout.flush();
    return code;
  } catch (const std::invalid_argument& e) {  // UsageError, and the core's validation errors
    std::cout.flush();
    std::cerr << "actlab: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    std::cerr << "actlab: out of memory\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "actlab: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
}
