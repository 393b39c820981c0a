var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();

var app = builder.Build();
app.UseDeveloperExceptionPage(); // want "debug/aspnet-developer-exception-page"
app.MapControllers();
app.Run();
