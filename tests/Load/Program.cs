// The load runner arrives with issue #3; this project exists so the solution layout is complete.
Console.WriteLine("LectureHub load suite: no scenarios yet.");
