// A C++ guest: libstdc++ and libgcc_s from the system, exceptions thrown
// and caught (the unwinder finds frames through _dl_find_object), a thread,
// thread_local and static objects with destructors (__cxa_thread_atexit_impl,
// __cxa_atexit), iostreams and containers.
#include <iostream>
#include <locale>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct Noisy {
	std::string name;
	explicit Noisy(std::string n) : name(std::move(n)) {}
	~Noisy() { std::cout << "dtor " << name << "\n"; }
};

thread_local Noisy tl("thread_local");
static Noisy st("static");

static int thrower(int depth)
{
	if (depth == 0)
		throw std::runtime_error("deep");
	return thrower(depth - 1) + 1;
}

// std::ctype<char> reads the C library's locale object (__ctype_b).
static void ctype_and_streams()
{
	std::istringstream in("  42 hello\tworld 3.5");
	int a;
	std::string w1, w2;
	double d;

	in >> a >> w1 >> w2 >> d;
	std::cout << a << "|" << w1 << "|" << w2 << "|" << d << "\n";
	std::locale loc;
	char s[] = "MiXeD 9";
	std::use_facet<std::ctype<char>>(loc).tolower(s, s + sizeof s - 1);
	std::cout << s << " " << std::isalpha('x', loc) << std::isdigit('x', loc)
		  << std::toupper('q', loc) << "\n";
}

int main()
{
	ctype_and_streams();
	std::map<std::string, int> m{{"b", 2}, {"a", 1}};
	for (const auto &p : m)
		std::cout << p.first << "=" << p.second << "\n";
	try {
		thrower(5);
	} catch (const std::exception &e) {
		std::cout << "caught " << e.what() << "\n";
	}
	std::vector<int> v(1000, 3);
	long sum = 0;
	std::thread th([&] {
		for (int x : v)
			sum += x;
		std::cout << "thread sees " << tl.name << "\n";
	});
	th.join();
	std::cout << "sum " << sum << " main sees " << tl.name << "\n";
	return 0;
}
