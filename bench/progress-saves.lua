-- wrk script: every request is a signed-in learner opening a slide, which saves their progress. Learners (session
-- cookies) and slides come from the files named by BENCH_COOKIES and BENCH_SLIDES; requests walk through them so
-- each learner moves through the course.
local cookies, slides, counter = {}, {}, 0

function init(args)
  for line in io.lines(os.getenv("BENCH_COOKIES")) do cookies[#cookies + 1] = line end
  for line in io.lines(os.getenv("BENCH_SLIDES")) do slides[#slides + 1] = line end
  counter = math.random(0, #cookies * #slides)
end

function request()
  counter = counter + 1
  local learner = cookies[(counter % #cookies) + 1]
  local slide = slides[(math.floor(counter / #cookies) % #slides) + 1]
  return wrk.format("GET", slide, { ["Cookie"] = learner })
end
