// Exit 0 once GET <url> answers (any status below 500) within <seconds>, else 1.
const [url = '', seconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
while (Date.now() < deadline) {
  const status = await fetch(url).then(
    (response) => response.status,
    () => 0,
  );
  if (status > 0 && status < 500) process.exit(0);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
process.exit(1);
